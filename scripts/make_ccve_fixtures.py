#!/usr/bin/env python3
"""Generate synthetic OCR fixtures for Venezuelan cédulas de identidad (CCVE).

What it does
    Renders 16 synthetic SAIME-style cédula fronts (fictional people, fixed
    random seeds; 11-16 are hard cards whose noise hits the printed values) with Pillow, OCRs each one with the real Tesseract CLI
    (`tesseract IMG OUTBASE -l spa tsv`) and writes, into Fixtures/CCVE/:

        ccve-NN.png          the rendered card (1440x872, grayscale; ccve-11 is 720x436)
        ccve-NN.tsv          Tesseract's TSV output, byte-for-byte as written
        ccve-NN.truth.json   ground truth: exactly what was printed on the card
                             (plus the generated gender, which is not printed;
                             cards that print a value in a non-canonical form add
                             a top-level "printed" object with the as-printed text)

    and refreshes the marked tesseract-version block in Fixtures/CCVE/README.md.
    On stderr it prints, per card, the printed values that Tesseract did not
    read verbatim (a quick check after regenerating with another version).

How to run (from the repository root)
    python3 scripts/make_ccve_fixtures.py

    Needs Python 3.9+, Pillow, the DejaVu / Liberation / FreeFont TTFs under
    /usr/share/fonts/truetype and tesseract with the `spa` traineddata.
    Rendering is deterministic (fixed seed, no time-dependent input), so rerunning
    reproduces the same PNG and truth files byte for byte on the same machine;
    PNG pixels may differ slightly with another Pillow / FreeType / libjpeg
    build (font rasterisation and the in-memory JPEG pass). The TSV files depend on the
    Tesseract version (and its `spa` traineddata); the version used (plus a
    hash of spa.traineddata) is recorded in Fixtures/CCVE/README.md.
"""

import datetime as dt
import hashlib
import io
import json
import math
import os
import random
import re
import subprocess
import sys

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

SEED = 20251023
AS_OF = dt.date(2025, 10, 23)
SCALE = 2.0
CARD_W, CARD_H = 720, 436
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(REPO_ROOT, "Fixtures", "CCVE")
VERSION_BEGIN = "<!-- BEGIN tesseract-version (written by scripts/make_ccve_fixtures.py) -->"
VERSION_END = "<!-- END tesseract-version -->"
FONT_DIRS = [
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/truetype/freefont",
]

# family name -> (regular file, bold file)
FONTS = {
    "DejaVuSans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "DejaVuSansCondensed": ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
    "DejaVuSerif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    "LiberationSans": ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    "LiberationSerif": ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
    "LiberationSansNarrow": ("LiberationSansNarrow-Regular.ttf", "LiberationSansNarrow-Bold.ttf"),
    "FreeSans": ("FreeSans.ttf", "FreeSansBold.ttf"),
    "FreeSerif": ("FreeSerif.ttf", "FreeSerifBold.ttf"),
}

# Per-card plan. Person data (names, dates, numbers) is drawn from the seeded
# RNG; the keys below force the required hard cases and rendering variation.
CARDS = [
    dict(font="DejaVuSans", size=1.00, blur=0.6, rot=0.4, bg="guilloche", noise=10, jpeg=70,
         accents=True, gender="Male", nat="V",
         notes="baseline; accented labels (REPÚBLICA, CÉDULA, F. EXPEDICIÓN)"),
    dict(font="LiberationSans", size=1.05, blur=0.3, rot=-0.8, bg="gradient", noise=8, jpeg=75,
         accents=False, gender="Female", nat="V", surname1="MUÑOZ",
         notes="unaccented labels (REPUBLICA, CEDULA, F. EXPEDICION); surname with Ñ"),
    dict(font="DejaVuSerif", size=0.95, blur=0.8, rot=1.1, bg="noise", noise=14, jpeg=60,
         accents=True, gender="Male", nat="E",
         notes="foreigner card: E prefix, 80-million number, EXTRANJERO"),
    dict(font="LiberationSerif", size=1.00, blur=0.0, rot=-0.3, bg="guilloche", noise=8, jpeg=80,
         accents=True, gender="Female", nat="V", long_name=True,
         notes="long three-part given name with DE LOS / DEL on one line"),
    dict(font="FreeSans", size=0.86, label_size=0.85, blur=1.2, rot=-1.4, bg="guilloche", noise=10, jpeg=50,
         accents=True, gender="Male", nat="V",
         notes="hard: heavy blur + smaller labels, labels expected to be garbled"),
    dict(font="LiberationSansNarrow", size=1.10, blur=0.5, rot=1.5, bg="gradient", noise=10, jpeg=65,
         accents=False, gender="Female", nat="V", surname1="IBAÑEZ", office=False,
         notes="no issuing office printed; unaccented labels; surname with Ñ"),
    dict(font="DejaVuSansCondensed", size=0.92, blur=0.9, rot=-1.0, bg="noise", noise=12, jpeg=60,
         accents=True, gender="Female", nat="E", office=False,
         notes="foreigner card (E, EXTRANJERA); no issuing office"),
    dict(font="LiberationSans", size=1.15, blur=0.4, rot=0.7, bg="guilloche", noise=9, jpeg=70,
         accents=True, gender="Male", nat="V", surname1="RODRÍGUEZ", surname2="PÉREZ", old=True,
         notes="accented surnames (RODRÍGUEZ PÉREZ); old holder (born 1940-1952), low V number"),
    dict(font="FreeSerif", size=1.08, blur=0.7, rot=-0.6, bg="gradient", noise=11, jpeg=65,
         accents=True, gender="Female", nat="V",
         notes="serif font, gradient background"),
    dict(font="DejaVuSerif", size=0.88, blur=1.0, rot=0.2, bg="noise", noise=18, jpeg=50,
         accents=True, gender="Male", nat="V",
         notes="stronger noise + JPEG artefacts, smaller fonts"),
]

# Hard cards 11-16: the noise hits the printed VALUES (1-3 values per card are
# misread or lost by Tesseract). Each one draws from its own
# random.Random(SEED * 100 + NN), so adding or tuning them never changes the
# shared random sequence (and thus the bytes) of cards 01-10. Extra keys:
#   out_scale   downsample the finished render to this scale (1.0 = 720x436)
#   shear       (dx, dy): perspective-ish keystone after the rotation, in card units
#   stain       (cx, cy, rx, ry, darkness): semi-transparent dark blob (card units)
#   glare       (cx, cy, rx, ry, strength): bright washed-out ellipse (card units)
#   ink         fixed ink grey (value text); labels get ink + label_delta
#   bg_lift     added to the background (paler, lower-contrast paper)
#   given / surname1 / surname2 / civil / born / number / expedition: forced person data
#   printed     as-printed forms that differ from the normalized truth; recorded in
#               the truth file as a top-level "printed" object (same keys as fields,
#               except documentNumber, which holds the whole printed number line)
HARD_CARDS = [
    dict(font="DejaVuSans", size=0.92, blur=0.8, rot=-1.0, bg="guilloche", noise=10, jpeg=70,
         accents=True, gender="Male", nat="V", out_scale=1.0,
         notes="hard: low resolution (downsampled to 720x436 after rendering) + blur; digits 8/3/6/0 confusable"),
    dict(font="LiberationSansNarrow", size=1.00, blur=0.5, rot=2.5, bg="gradient", noise=9, jpeg=70,
         accents=True, gender="Female", nat="V", shear=(30, 20),
         notes="hard: strong rotation (+2.5 deg) plus keystone shear; values may split across lines"),
    dict(font="DejaVuSansCondensed", size=1.00, blur=0.5, rot=-0.6, bg="guilloche", noise=10, jpeg=70,
         accents=True, gender="Male", nat="V",
         stain=(300, 260, 24, 13, 0.5), glare=(215, 172, 70, 22, 0.9),
         notes="hard: dark coffee-stain blob over the date of birth; glare over the names"),
    dict(font="LiberationSans", size=1.00, blur=0.6, rot=0.6, bg="gradient", noise=8, jpeg=35,
         accents=True, gender="Female", nat="V", ink=186, label_delta=14, bg_lift=10,
         notes="hard: very faint print (light grey ink on pale paper) + JPEG q35"),
    dict(font="DejaVuSansCondensed", size=1.00, blur=1.1, rot=-0.8, bg="noise", noise=11, jpeg=60,
         accents=True, gender="Male", nat="V", number=18016774, expedition=dt.date(2023, 2, 22),
         printed={"documentNumber": "V 18016774", "expeditionDate": "22/02/23"},
         notes="hard: two-digit year on the expedition date (22/02/23) and an undotted number "
               "(V 18016774); medium blur"),
    dict(font="DejaVuSerif", size=1.00, blur=1.0, rot=0.9, bg="noise", noise=13, jpeg=50,
         accents=True, gender="Female", nat="V", given="MARÍA ÑUSTA", surname1="D'ALESSANDRO",
         civil="SOLTERA", printed={"civilStatus": "Soltera", "nationality": "Venezolana"},
         notes="hard: civil status and nationality printed in mixed case (Soltera, Venezolana); "
               "given name with Ñ (MARÍA ÑUSTA); apostrophe surname D'ALESSANDRO; medium noise"),
]

MALE_GIVEN = ["JOSE", "LUIS", "CARLOS", "JUAN", "PEDRO", "JESUS", "MIGUEL", "RAFAEL",
              "FRANCISCO", "ANTONIO", "ALEJANDRO", "RICARDO", "ORLANDO", "NELSON",
              "WILMER", "YONATHAN", "EDUARDO", "ANDRES", "GREGORIO", "RAMON"]
MALE_COMPOUND = ["JOSE DEL CARMEN", "JUAN DE DIOS", "JESUS DEL VALLE", "LUIS ALBERTO",
                 "JOSE GREGORIO", "CARLOS EDUARDO", "MIGUEL ANGEL"]
FEMALE_GIVEN = ["MARIA", "ANA", "CARMEN", "ROSA", "YELITZA", "YOSELIN", "GABRIELA",
                "DANIELA", "ANDREINA", "MARIANGEL", "LUISA", "ELENA", "YUSMARY",
                "NORELYS", "BEATRIZ", "VALENTINA", "MILAGROS", "SOLANGE"]
FEMALE_COMPOUND = ["MARIA DEL VALLE", "MARIA DE LOS ANGELES", "ANA KARINA",
                   "ROSA MARIA", "CARMEN ELENA", "MARIA ALEJANDRA"]
LONG_FEMALE = ["MARIA DE LOS ANGELES DEL CARMEN"]
SURNAMES = ["TOVAR", "RATTIA", "GONZALEZ", "HERNANDEZ", "MEDINA", "CASTILLO", "MORENO",
            "SALAZAR", "GUZMAN", "BRICEÑO", "ROJAS", "MENDOZA", "SEQUERA", "CARRASQUERO",
            "VILLEGAS", "URDANETA", "PACHECO", "LANDAETA", "COLMENARES", "ESCALONA",
            "QUINTERO", "FIGUEROA", "MONTILLA", "ARAUJO", "BLANCO", "PIÑANGO"]
CIVIL = {"Male": ["SOLTERO", "CASADO", "DIVORCIADO", "VIUDO"],
         "Female": ["SOLTERA", "CASADA", "DIVORCIADA", "VIUDA"]}


def font_path(name):
    for d in FONT_DIRS:
        p = os.path.join(d, name)
        if os.path.exists(p):
            return p
    raise FileNotFoundError(name)


def dotted(n):
    return f"{n:,}".replace(",", ".")


def age_at(born, ref):
    return ref.year - born.year - ((ref.month, ref.day) < (born.month, born.day))


def rand_date(rng, start, end):
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def make_person(rng, spec):
    g = spec["gender"]
    if spec.get("given"):
        given = spec["given"]
    elif spec.get("long_name"):
        given = rng.choice(LONG_FEMALE)
    else:
        pool = (MALE_GIVEN, MALE_COMPOUND) if g == "Male" else (FEMALE_GIVEN, FEMALE_COMPOUND)
        r = rng.random()
        if r < 0.35:
            given = rng.choice(pool[1])
        elif r < 0.8:
            a, b = rng.sample(pool[0], 2)
            given = f"{a} {b}"
        else:
            given = rng.choice(pool[0])
    s1 = spec.get("surname1") or rng.choice(SURNAMES)
    s2 = spec.get("surname2") or rng.choice([s for s in SURNAMES if s != s1])
    last = f"{s1} {s2}"

    if spec.get("old"):
        born = rand_date(rng, dt.date(1940, 1, 1), dt.date(1952, 12, 31))
    else:
        born = rand_date(rng, dt.date(1955, 1, 1), dt.date(2006, 12, 31))
    adult = dt.date(born.year + 18, born.month, min(born.day, 28))
    exp_start = max(dt.date(2012, 1, 1), adult)
    expedition = rand_date(rng, exp_start, dt.date(2025, 9, 30))
    if spec.get("expedition"):
        expedition = spec["expedition"]
    expire = f"{expedition.month:02d}/{expedition.year + 10}"

    if spec["nat"] == "E":
        number = rng.randint(80_000_000, 84_999_999)
        nationality = "EXTRANJERO" if g == "Male" else "EXTRANJERA"
    else:
        # older holders have lower numbers (roughly like the real series)
        if born.year < 1945:
            number = rng.randint(300_000, 999_999)
        elif born.year < 1955:
            number = rng.randint(1_000_000, 3_999_999)
        elif born.year < 1975:
            number = rng.randint(4_000_000, 12_999_999)
        else:
            number = rng.randint(13_000_000, 32_999_999)
        nationality = "VENEZOLANO" if g == "Male" else "VENEZOLANA"
    if spec.get("number"):
        number = spec["number"]
    office = str(rng.choice([rng.randint(10, 99), rng.randint(100, 350)]))
    civil = rng.choice(CIVIL[g][:2] * 3 + CIVIL[g][2:])
    if born.year > 2000:
        civil = CIVIL[g][0]
    if spec.get("civil"):
        civil = spec["civil"]

    fields = {
        "documentNumber": dotted(number),
        "nationalityLetter": spec["nat"],
        "lastName": last,
        "firstName": given,
        "fullName": f"{given} {last}",
        "dateOfBirth": born.strftime("%d/%m/%Y"),
        "age": age_at(born, AS_OF),
        "civilStatus": civil,
        "expeditionDate": expedition.strftime("%d/%m/%Y"),
        "expireDate": expire,
    }
    if spec.get("office", True):
        fields["issuingOffice"] = office
    fields.update({
        "nationality": nationality,
        "gender": g,
        "country": "Venezuela",
        "category": "ID",
    })
    return fields


# ---------------------------------------------------------------- rendering

def background(rng, kind, w, h):
    img = Image.new("L", (w, h), 236)
    d = ImageDraw.Draw(img)
    # pale vertical/horizontal gradient (the real card is light with patterns)
    top, bottom = rng.randint(226, 240), rng.randint(238, 250)
    for y in range(h):
        v = int(top + (bottom - top) * y / h)
        d.line([(0, y), (w, y)], fill=v)
    if kind in ("guilloche", "gradient"):
        # guilloche: families of interfering sine curves
        n = 16 if kind == "guilloche" else 8
        shade = 212 if kind == "guilloche" else 222
        for k in range(n):
            amp = rng.uniform(10, 40) * SCALE
            per = rng.uniform(120, 320) * SCALE
            ph = rng.uniform(0, 2 * math.pi)
            y0 = rng.uniform(0, h)
            pts = [(x, y0 + amp * math.sin(2 * math.pi * x / per + ph)) for x in range(0, w + 8, 8)]
            d.line(pts, fill=shade + rng.randint(-6, 6), width=1)
        # rosette (faint coat-of-arms-like pattern) at the right
        cx, cy = w * 0.80, h * 0.40
        for k in range(24 if kind == "guilloche" else 10):
            a = k * math.pi / (12 if kind == "guilloche" else 5)
            r = 70 * SCALE
            d.ellipse([cx + r * 0.5 * math.cos(a) - r, cy + r * 0.5 * math.sin(a) - r,
                       cx + r * 0.5 * math.cos(a) + r, cy + r * 0.5 * math.sin(a) + r],
                      outline=shade + 8)
    if kind == "noise":
        speck = Image.frombytes("L", (w // 4, h // 4), rng.randbytes((w // 4) * (h // 4)))
        speck = speck.resize((w, h), Image.BILINEAR).point(lambda v: 255 - v // 10)
        img = ImageChops.multiply(img, speck)
    return img


def silhouette(d, rng, box):
    x0, y0, x1, y1 = box
    d.rectangle(box, fill=rng.randint(168, 186), outline=120, width=2)
    cx = (x0 + x1) / 2
    hw = (x1 - x0) * 0.22
    head_top = y0 + (y1 - y0) * 0.18
    d.ellipse([cx - hw, head_top, cx + hw, head_top + hw * 2.5], fill=95)
    d.chord([x0 + (x1 - x0) * 0.08, y0 + (y1 - y0) * 0.62,
             x1 - (x1 - x0) * 0.08, y1 + (y1 - y0) * 0.35], 180, 360, fill=95)


def find_coeffs(dst, src):
    """PERSPECTIVE coefficients mapping output quad `dst` onto input quad `src`."""
    rows, rhs = [], []
    for (x, y), (u, v) in zip(dst, src):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y]); rhs.append(u)
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y]); rhs.append(v)
    n = 8  # Gaussian elimination (no numpy dependency)
    m = [r + [b] for r, b in zip(rows, rhs)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c:
                k = m[r][c] / m[c][c]
                m[r] = [a - k * b for a, b in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def blob_mask(W, H, box, blur, rng, lobes):
    """Soft-edged irregular ellipse mask (L, 0..255) inside box (pixels)."""
    x0, y0, x1, y1 = box
    mask = Image.new("L", (W, H), 0)
    md = ImageDraw.Draw(mask)
    md.ellipse(box, fill=255)
    cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
    for _ in range(lobes):  # irregular outline, like a real spill
        a = rng.uniform(0, 2 * math.pi)
        lx, ly = cx + rx * 0.8 * math.cos(a), cy + ry * 0.8 * math.sin(a)
        lr = rng.uniform(0.25, 0.45)
        md.ellipse([lx - rx * lr, ly - ry * lr * 1.4, lx + rx * lr, ly + ry * lr * 1.4], fill=255)
    return mask.filter(ImageFilter.GaussianBlur(blur))


def render(spec, f, rng):
    s = SCALE
    W, H = int(CARD_W * s), int(CARD_H * s)
    img = background(rng, spec["bg"], W, H)
    if spec.get("bg_lift"):
        img = img.point(lambda v: min(255, v + spec["bg_lift"]))
    d = ImageDraw.Draw(img)
    # the printed view of the fields (as-printed forms for cards that print them differently)
    number_line = f"{f['nationalityLetter']} {f['documentNumber']}"
    printed = spec.get("printed", {})
    if "documentNumber" in printed:
        number_line = printed["documentNumber"]
    f = {**f, **{k: v for k, v in printed.items() if k != "documentNumber"}}
    reg, bold = FONTS[spec["font"]]
    fs = spec["size"]
    lab_fs = fs * spec.get("label_size", 1.0)

    def font(px, b=False):
        return ImageFont.truetype(font_path(bold if b else reg), max(8, int(round(px * s))))

    jit = lambda: rng.uniform(-2, 2)  # per-element position jitter (card units)
    ink = rng.randint(20, 45)
    label_ink = ink + 25
    if spec.get("ink"):
        ink = spec["ink"]
        label_ink = ink + spec.get("label_delta", 25)

    def text(x, y, t, px, b=False, fill=None, anchor="la"):
        d.text(((x + jit()) * s, (y + jit() * 0.5) * s), t, font=font(px, b),
               fill=ink if fill is None else fill, anchor=anchor)

    acc = spec["accents"]
    rep = "REPÚBLICA BOLIVARIANA DE VENEZUELA" if acc else "REPUBLICA BOLIVARIANA DE VENEZUELA"
    ced = "CÉDULA DE IDENTIDAD" if acc else "CEDULA DE IDENTIDAD"
    fexp = "F. EXPEDICIÓN" if acc else "F. EXPEDICION"

    text(CARD_W / 2, 18, rep, 15 * fs, True, anchor="ma")
    text(CARD_W / 2, 44, ced, 17 * fs, True, anchor="ma")

    silhouette(d, rng, (int(20 * s), int(120 * s), int(160 * s), int(330 * s)))

    lab = 8.0 * lab_fs
    val = 11.5 * fs

    def right_of(x, t, px, gap=10):
        # x position just right of a label, so values never collide with it
        return x + font(px).getlength(t) / s + gap

    text(176, 138, "APELLIDOS", lab, fill=label_ink)
    text(300, 132, number_line, 14 * fs, True)
    text(176, 153, f["lastName"], val, True)
    text(177, 168, "NOMBRES", lab, fill=label_ink)
    text(177, 180, f["firstName"], val, True)

    text(247, 240, "F. NACIMIENTO", lab, fill=label_ink)
    text(247, 252, f["dateOfBirth"], 10.5 * fs, True)
    civ_x = max(328, right_of(247, f["dateOfBirth"], 10.5 * fs * 1.1, 8))
    text(civ_x, 240, "EDO. CIVIL", lab, fill=label_ink)
    text(civ_x, 252, f["civilStatus"], 10.5 * fs, True)

    x = right_of(470, fexp, lab)
    text(470, 300, fexp, lab, fill=label_ink)
    text(x, 298, f["expeditionDate"], 10.5 * fs, True)
    if "issuingOffice" in f:
        text(right_of(x, f["expeditionDate"], 10.5 * fs * 1.1, 12), 298, f["issuingOffice"], 10.5 * fs, True)
    text(470, 320, "F. VENCIMIENTO", lab, fill=label_ink)
    text(right_of(470, "F. VENCIMIENTO", lab), 318, f["expireDate"], 10.5 * fs, True)

    text(247, 358, f["nationality"], 17 * fs, True)
    text(470, 380, "FIRMA DEL TITULAR", lab, fill=label_ink)
    # scribble signature
    pts = [((490 + i * 3) * s, (366 + 5 * math.sin(i * 0.7 + rng.random())) * s) for i in range(30)]
    d.line(pts, fill=ink + 30, width=2)
    text(520, 400, "DIRECTORA GENERAL", lab, fill=label_ink)

    # stains and glare sit on the card surface, so they turn with it
    if spec.get("stain"):
        cx, cy, rx, ry, dark = spec["stain"]
        mask = blob_mask(W, H, [(cx - rx) * s, (cy - ry) * s, (cx + rx) * s, (cy + ry) * s],
                         4 * s, rng, 5)
        tint = Image.new("L", (W, H), int(255 * (1 - dark)))
        img = Image.composite(ImageChops.multiply(img, tint), img, mask)
        # darker tide-line ring at the edge of the spill
        ring = ImageChops.subtract(mask, mask.filter(ImageFilter.GaussianBlur(3 * s)).point(
            lambda v: min(255, v * 2)))
        img = Image.composite(ImageChops.multiply(img, Image.new("L", (W, H), 150)), img,
                              ring.point(lambda v: min(255, v * 3)))
    if spec.get("glare"):
        cx, cy, rx, ry, strength = spec["glare"]
        mask = blob_mask(W, H, [(cx - rx) * s, (cy - ry) * s, (cx + rx) * s, (cy + ry) * s],
                         8 * s, rng, 0).point(lambda v: int(v * strength))
        img = Image.composite(Image.new("L", (W, H), 252), img, mask)

    # geometric + photometric degradation
    img = img.rotate(spec["rot"], resample=Image.BICUBIC, expand=False,
                     fillcolor=int(img.getpixel((4, 4))))
    if spec.get("shear"):
        # keystone: top edge narrower and shifted right, as if photographed off-axis
        dx, dy = spec["shear"][0] * s, spec["shear"][1] * s
        dst = [(0, 0), (W, 0), (W, H), (0, H)]
        src = [(-dx * 0.4, -dy), (W + dx * 1.6, dy * 0.3), (W + dx * 0.4, H), (-dx * 0.6, H - dy * 0.6)]
        img = img.transform((W, H), Image.PERSPECTIVE, find_coeffs(dst, src), Image.BICUBIC,
                            fillcolor=int(img.getpixel((4, 4))))
    # print grain: mottled low-frequency field (per-pixel noise comes from the JPEG pass)
    amp = spec["noise"]
    mott = Image.frombytes("L", (W // 6, H // 6), rng.randbytes((W // 6) * (H // 6)))
    mott = mott.resize((W, H), Image.BILINEAR).point(lambda v: v * amp // 255)
    img = ImageChops.add(img, mott, scale=1.0, offset=-amp // 2)
    if spec.get("out_scale"):
        # low-resolution scan: downsample first, then blur by `blur` output pixels
        W, H = int(CARD_W * spec["out_scale"]), int(CARD_H * spec["out_scale"])
        img = img.resize((W, H), Image.BILINEAR)
        if spec["blur"] > 0:
            img = img.filter(ImageFilter.GaussianBlur(spec["blur"]))
    elif spec["blur"] > 0:
        img = img.filter(ImageFilter.GaussianBlur(spec["blur"] * s / 2))
    # JPEG round trip for blocky compression artefacts, then back to PNG
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=spec["jpeg"])
    buf.seek(0)
    img = Image.open(buf).convert("L")
    # 16 grey levels, stored as a 4-bit greyscale palette PNG to stay small
    levels = img.point(lambda v: v // 16)
    img = Image.frombytes("P", (W, H), levels.tobytes())
    img.putpalette([c for i in range(16) for c in (i * 17,) * 3])
    return img


def tesseract_version():
    """Short, machine-independent description of the OCR engine used."""
    out = subprocess.run(["tesseract", "--version"], capture_output=True, text=True)
    lines = (out.stdout + out.stderr).splitlines()
    engine = " / ".join(l.strip() for l in lines[:2])  # "tesseract X / leptonica-Y"
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    m = re.search(r'"([^"]+)"', langs.stdout + langs.stderr)
    spa = os.path.join(m.group(1), "spa.traineddata") if m else None
    if spa and os.path.exists(spa):
        with open(spa, "rb") as fh:
            digest = hashlib.sha256(fh.read()).hexdigest()[:16]
        engine += f"; spa.traineddata sha256 {digest}..."
    return engine


def record_version(version):
    """Rewrite the marked version block in Fixtures/CCVE/README.md."""
    readme = os.path.join(OUT_DIR, "README.md")
    block = (f"{VERSION_BEGIN}\nGenerated with `{version}`, language `spa`.\n{VERSION_END}")
    text = open(readme, encoding="utf-8").read() if os.path.exists(readme) else ""
    if VERSION_BEGIN in text and VERSION_END in text:
        a = text.index(VERSION_BEGIN)
        b = text.index(VERSION_END) + len(VERSION_END)
        text = text[:a] + block + text[b:]
    else:
        text = (text or "# CCVE OCR fixtures\n\n") + block + "\n"
    with open(readme, "w", encoding="utf-8") as fh:
        fh.write(text)


def ocr_lines(tsv_path):
    """Rebuild text lines (page, block, par, line) from a Tesseract TSV file."""
    lines = {}
    with open(tsv_path, encoding="utf-8") as fh:
        next(fh)
        for row in fh:
            cols = row.rstrip("\n").split("\t")
            if len(cols) == 12 and cols[0] == "5" and cols[11].strip():
                lines.setdefault(tuple(cols[1:5]), []).append(cols[11])
    return [" ".join(words) for words in lines.values()]


def write_card(i, spec, rng):
    name = f"ccve-{i:02d}"
    fields = make_person(rng, spec)
    img = render(spec, fields, rng)
    png = os.path.join(OUT_DIR, name + ".png")
    img.save(png, optimize=True, bits=4)
    subprocess.run(["tesseract", png, os.path.join(OUT_DIR, name), "-l", "spa", "tsv"],
                   check=True, capture_output=True)
    truth = {
        "documentType": "CCVE",
        "asOf": AS_OF.isoformat(),
        "source": name + ".png",
        "render": {
            "font": spec["font"],
            "scale": spec.get("out_scale", SCALE),
            "rotationDegrees": spec["rot"],
            "blur": spec["blur"],
            "background": spec["bg"],
            "notes": (f"font size x{spec['size']:.2f}"
                      + (f", labels x{spec['label_size']:.2f}" if "label_size" in spec else "")
                      + f", noise {spec['noise']}, jpeg q{spec['jpeg']}; " + spec["notes"]),
        },
        "fields": fields,
    }
    if spec.get("printed"):
        truth["printed"] = spec["printed"]
    with open(os.path.join(OUT_DIR, name + ".truth.json"), "w", encoding="utf-8") as fh:
        json.dump(truth, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    # quick report: printed values not found verbatim in the OCR text
    text = "\n".join(ocr_lines(os.path.join(OUT_DIR, name + ".tsv")))
    shown = {**fields, **spec.get("printed", {})}
    printed = [spec.get("printed", {}).get("documentNumber",
                                           f"{fields['nationalityLetter']} {fields['documentNumber']}"),
               shown["lastName"], shown["firstName"], shown["dateOfBirth"], shown["civilStatus"],
               shown["expeditionDate"], shown["expireDate"], shown.get("issuingOffice"),
               shown["nationality"]]
    missing = [v for v in printed if v and v not in text]
    print(f"{name}: {fields['nationalityLetter']} {fields['documentNumber']} {fields['fullName']}"
          f" | not read verbatim: {missing or 'none'}", file=sys.stderr)


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    version = tesseract_version()
    print(f"OCR engine: {version}", file=sys.stderr)
    rng = random.Random(SEED)
    for i, spec in enumerate(CARDS, 1):
        write_card(i, spec, rng)
    # hard cards: one independent RNG each, so 01-10 keep their random sequence
    for i, spec in enumerate(HARD_CARDS, len(CARDS) + 1):
        write_card(i, spec, random.Random(SEED * 100 + i))
    record_version(version)


if __name__ == "__main__":
    main()

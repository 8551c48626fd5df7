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
import math
import os
import random
import sys

from PIL import ImageDraw

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixturelib as F  # noqa: E402

SEED = 20251023
SCALE = 2.0
CARD_W, CARD_H = 720, 436
OUT_DIR = os.path.join(F.REPO_ROOT, "Fixtures", "CCVE")
# The rosette of the card background sits at a fixed place (fractions of the card); the later
# generators draw it from the RNG, which would change every CCVE card's random sequence.
ROSETTE = (0.80, 0.40)

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
        born = F.rand_date(rng, dt.date(1940, 1, 1), dt.date(1952, 12, 31))
    else:
        born = F.rand_date(rng, dt.date(1955, 1, 1), dt.date(2006, 12, 31))
    adult = dt.date(born.year + 18, born.month, min(born.day, 28))
    exp_start = max(dt.date(2012, 1, 1), adult)
    expedition = F.rand_date(rng, exp_start, dt.date(2025, 9, 30))
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
        "documentNumber": F.dotted(number),
        "nationalityLetter": spec["nat"],
        "lastName": last,
        "firstName": given,
        "fullName": f"{given} {last}",
        "dateOfBirth": F.fmt_date(born),
        "age": F.age_at(born),
        "civilStatus": civil,
        "expeditionDate": F.fmt_date(expedition),
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

def render(spec, f, rng):
    """Draw the card front for the fields `f` and return it degraded (16-grey palette image).

    The order of the random draws (background, ink, per-text jitter, photo, signature, stain,
    glare, degradation) is what the committed fixtures were made with: keep it."""
    c = F.Canvas(rng, CARD_W, CARD_H, SCALE, spec["bg"], rosette=ROSETTE)
    if spec.get("bg_lift"):
        c.img = c.img.point(lambda v: min(255, v + spec["bg_lift"]))
        c.draw = ImageDraw.Draw(c.img)
    if spec.get("ink"):
        # the Canvas has drawn its random ink already; a fixed ink replaces it afterwards
        c.ink = spec["ink"]
        c.label_ink = c.ink + spec.get("label_delta", 25)
    # the printed view of the fields (as-printed forms for cards that print them differently)
    number_line = f"{f['nationalityLetter']} {f['documentNumber']}"
    printed = spec.get("printed", {})
    if "documentNumber" in printed:
        number_line = printed["documentNumber"]
    f = {**f, **{k: v for k, v in printed.items() if k != "documentNumber"}}
    fam, fs = spec["font"], spec["size"]
    lab = 8.0 * fs * spec.get("label_size", 1.0)
    val = 11.5 * fs

    def text(x, y, t, px, b=False, label=False, anchor="la"):
        c.text(x, y, t, fam, px, b, anchor=anchor, label=label)

    def right_of(x, t, px, gap=10):
        # x position just right of a label, so values never collide with it
        return x + c.width(t, fam, px) + gap

    acc = spec["accents"]
    rep = "REPÚBLICA BOLIVARIANA DE VENEZUELA" if acc else "REPUBLICA BOLIVARIANA DE VENEZUELA"
    ced = "CÉDULA DE IDENTIDAD" if acc else "CEDULA DE IDENTIDAD"
    fexp = "F. EXPEDICIÓN" if acc else "F. EXPEDICION"

    text(CARD_W / 2, 18, rep, 15 * fs, True, anchor="ma")
    text(CARD_W / 2, 44, ced, 17 * fs, True, anchor="ma")

    c.photo((20, 120, 160, 330))

    text(176, 138, "APELLIDOS", lab, label=True)
    text(300, 132, number_line, 14 * fs, True)
    text(176, 153, f["lastName"], val, True)
    text(177, 168, "NOMBRES", lab, label=True)
    text(177, 180, f["firstName"], val, True)

    text(247, 240, "F. NACIMIENTO", lab, label=True)
    text(247, 252, f["dateOfBirth"], 10.5 * fs, True)
    civ_x = max(328, right_of(247, f["dateOfBirth"], 10.5 * fs * 1.1, 8))
    text(civ_x, 240, "EDO. CIVIL", lab, label=True)
    text(civ_x, 252, f["civilStatus"], 10.5 * fs, True)

    x = right_of(470, fexp, lab)
    text(470, 300, fexp, lab, label=True)
    text(x, 298, f["expeditionDate"], 10.5 * fs, True)
    if "issuingOffice" in f:
        text(right_of(x, f["expeditionDate"], 10.5 * fs * 1.1, 12), 298, f["issuingOffice"], 10.5 * fs, True)
    text(470, 320, "F. VENCIMIENTO", lab, label=True)
    text(right_of(470, "F. VENCIMIENTO", lab), 318, f["expireDate"], 10.5 * fs, True)

    text(247, 358, f["nationality"], 17 * fs, True)
    text(470, 380, "FIRMA DEL TITULAR", lab, label=True)
    # signature: not Canvas.scribble, which draws one random phase; this one draws one per point
    pts = [((490 + i * 3) * SCALE, (366 + 5 * math.sin(i * 0.7 + rng.random())) * SCALE) for i in range(30)]
    c.draw.line(pts, fill=c.ink + 30, width=2)
    text(520, 400, "DIRECTORA GENERAL", lab, label=True)

    # stains and glare sit on the card surface, so they turn with it
    if spec.get("stain"):
        c.stain(*spec["stain"])
    if spec.get("glare"):
        c.glare(*spec["glare"])

    out_size = None
    if spec.get("out_scale"):
        # low-resolution scan: downsample first, then blur by `blur` output pixels
        out_size = (int(CARD_W * spec["out_scale"]), int(CARD_H * spec["out_scale"]))
    return F.degrade(c.img, rng, rot=spec["rot"], blur=spec["blur"], noise=spec["noise"],
                     jpeg=spec["jpeg"], shear=spec.get("shear"), scale=SCALE, out_size=out_size)


# ---------------------------------------------------------------- driver

def write_card(i, spec, rng):
    """Draw person data for card `i` from `rng`, render it and write its fixture files."""
    name = f"ccve-{i:02d}"
    fields = make_person(rng, spec)
    img = render(spec, fields, rng)
    render_info = {
        "font": spec["font"],
        "scale": spec.get("out_scale", SCALE),
        "rotationDegrees": spec["rot"],
        "blur": spec["blur"],
        "background": spec["bg"],
        "notes": (f"font size x{spec['size']:.2f}"
                  + (f", labels x{spec['label_size']:.2f}" if "label_size" in spec else "")
                  + f", noise {spec['noise']}, jpeg q{spec['jpeg']}; " + spec["notes"]),
    }
    # the values as printed on the card, for the misread report
    shown = {**fields, **spec.get("printed", {})}
    values = [spec.get("printed", {}).get("documentNumber",
                                          f"{fields['nationalityLetter']} {fields['documentNumber']}"),
              shown["lastName"], shown["firstName"], shown["dateOfBirth"], shown["civilStatus"],
              shown["expeditionDate"], shown["expireDate"], shown.get("issuingOffice"),
              shown["nationality"]]
    # requires_back_side=None: the CCVE truth files have no requiresBackSide key (front only)
    F.write_fixture(OUT_DIR, name, "CCVE", [img], render_info, fields, spec.get("printed"), values,
                    requires_back_side=None)


def main():
    rng = random.Random(SEED)

    def write(i, spec):
        # cards 01-10 share one random sequence (so all are always written, in order); the
        # hard cards get one independent RNG each, so 01-10 keep their sequence
        write_card(i, spec, rng if i <= len(CARDS) else random.Random(SEED * 100 + i))

    F.generate(OUT_DIR, "scripts/make_ccve_fixtures.py", "CCVE OCR fixtures", CARDS + HARD_CARDS, write)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generate synthetic OCR fixtures for Colombian cédulas de ciudadanía (CC).

What it does
    Renders 10 synthetic cédulas of fictional people with Pillow (fixed seeds): cc-01..05
    the yellow "hologram" cédula (front + back, cc-03 front only), cc-06..10 the cédula
    digital (front + back with a TD1 MRZ whose check digits are computed). Each side is
    OCR'd alone with the real Tesseract CLI (`tesseract IMG OUT -l spa tsv`) and written
    into Fixtures/CC/:

        cc-NN.png             the document (front above back), 16 grey levels
        cc-NN.tsv             Tesseract TSV of a front-only document
        cc-NN.p1.tsv / .p2.tsv  front / back TSVs (back coordinates relative to the back)
        cc-NN.truth.json      what was printed (fields in the CCVE truth schema)

    It also refreshes the tesseract-version block of Fixtures/CC/README.md and prints, per
    document, the printed values Tesseract did not read verbatim (stderr).

How to run (from the repository root)
    python3 scripts/make_cc_fixtures.py

    Needs Pillow, the DejaVu / Liberation / FreeFont TTFs, fonts-ocr-b and tesseract with
    `spa`. Every document draws from its own random.Random(SEED * 100 + NN), so rerunning
    reproduces the same PNG and truth files; TSVs depend on the Tesseract version.
"""

import datetime as dt
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixturelib as F  # noqa: E402

SEED = 20251023_03
OUT_DIR = os.path.join(F.REPO_ROOT, "Fixtures", "CC")
W, H, SCALE = 640, 404, 1.6

MALE = ["JUAN CARLOS", "ANDRES FELIPE", "JOSE LUIS", "CARLOS ANDRES", "LUIS FERNANDO", "JHON JAIRO",
        "DIEGO ALEJANDRO", "SEBASTIAN", "MIGUEL ANGEL", "JULIAN DAVID"]
FEMALE = ["MARIA CAMILA", "LUZ MARINA", "DIANA MARCELA", "ANGELA MARIA", "PAULA ANDREA",
          "LINA MARCELA", "SANDRA MILENA", "VALENTINA", "LAURA SOFIA", "YESENIA"]
SURNAMES = ["GOMEZ", "RODRIGUEZ", "MARTINEZ", "GARCIA", "LOPEZ", "HERNANDEZ", "RAMIREZ", "MUÑOZ",
            "OSPINA", "CARDONA", "RESTREPO", "CASTAÑO", "ZULUAGA", "BETANCUR", "QUINTERO", "ARANGO",
            "VALENCIA", "MONTOYA", "GIRALDO", "PATIÑO", "SALAZAR", "JARAMILLO"]
PLACES = [("CARMEN DE VIBORAL", "ANTIOQUIA"), ("MEDELLIN", "ANTIOQUIA"), ("BOGOTA D.C.", "CUNDINAMARCA"),
          ("CALI", "VALLE"), ("PEREIRA", "RISARALDA"), ("MANIZALES", "CALDAS"),
          ("BUCARAMANGA", "SANTANDER"), ("RIONEGRO", "ANTIOQUIA"), ("TUNJA", "BOYACA"),
          ("SANTA ROSA DE OSOS", "ANTIOQUIA"), ("SAN VICENTE DEL CAGUAN", "CAQUETA"),
          ("BARRANQUILLA", "ATLANTICO")]
BLOOD = ["O+", "O+", "O+", "A+", "A+", "B+", "O-", "AB+", "A-"]
REGISTRARS = ["CARLOS ARIEL SANCHEZ TORRES", "JUAN CARLOS GALINDO VACHA"]

# Per-document plan. kind: yellow | digital. Keys force the hard cases.
DOCS = [
    dict(kind="yellow", font="DejaVuSans", size=1.0, blur=0.5, rot=0.4, bg="guilloche", noise=9, jpeg=75,
         gender="Male", place=("CARMEN DE VIBORAL", "ANTIOQUIA"), expplace="CARMEN DE VIBORAL",
         notes="baseline yellow cédula, front + back"),
    dict(kind="yellow", font="LiberationSerif", size=1.0, blur=0.4, rot=-0.7, bg="gradient", noise=9, jpeg=70,
         gender="Female", place=("SAN VICENTE DEL CAGUAN", "CAQUETA"), split_place=True,
         notes="hard: place of birth printed over two lines (SAN VICENTE DEL CAGUAN / (CAQUETA))"),
    dict(kind="yellow", font="FreeSans", size=1.05, blur=0.7, rot=1.0, bg="noise", noise=12, jpeg=65,
         gender="Male", front_only=True,
         notes="front only: back side missing (requiresBackSide)"),
    dict(kind="yellow", font="LiberationSansNarrow", size=0.95, label_size=0.8, blur=1.3, rot=-1.3,
         bg="guilloche", noise=11, jpeg=50, gender="Female",
         notes="hard: heavy blur + small labels (labels expected garbled)"),
    dict(kind="yellow", font="DejaVuSerif", size=1.0, blur=0.6, rot=0.8, bg="gradient", noise=10, jpeg=65,
         gender="Male", height_comma=True, stain=("dob", 0.55), strike="number",
         notes="hard: coffee stain over the birth date, pen stroke through the number; height 1,xx with comma"),
    dict(kind="digital", font="DejaVuSans", size=1.0, blur=0.5, rot=-0.4, bg="gradient", noise=8, jpeg=75,
         gender="Female", place=("BOGOTA D.C.", "CUNDINAMARCA"), expplace="BOGOTA D.C.",
         notes="baseline cédula digital, front + back (TD1 MRZ)"),
    dict(kind="digital", font="LiberationSans", size=1.0, blur=0.5, rot=0.9, bg="guilloche", noise=9, jpeg=70,
         gender="Male", sept=True, split_exp=True,
         notes="hard: expiry in SEPT; expedition date and place split over two lines"),
    dict(kind="digital", font="FreeSerif", size=1.05, blur=0.6, rot=-1.6, bg="gradient", noise=11, jpeg=65,
         gender="Female", no_blood=True,
         notes="hard: no blood type printed (missing field); rotation -1.6"),
    dict(kind="digital", font="DejaVuSansCondensed", size=1.0, blur=0.7, rot=0.5, bg="guilloche", noise=10,
         jpeg=60, gender="Male", glare=True,
         notes="hard: glare over the surnames and given names"),
    dict(kind="digital", font="LiberationSansNarrow", size=1.0, blur=0.9, rot=-0.8, bg="gradient", noise=10,
         jpeg=40, gender="Female", faint=True, old_expedition=True,
         notes="hard: faint print + JPEG q40; old original expedition (1990s) kept on a new card"),
]


def make_person(rng, spec):
    g = spec["gender"]
    given = rng.choice(MALE if g == "Male" else FEMALE)
    s1, s2 = rng.sample(SURNAMES, 2)
    born = F.rand_date(rng, dt.date(1958, 1, 1), dt.date(2005, 6, 30))
    place = spec.get("place") or rng.choice(PLACES)
    adult = F.add_years(born, 18)
    exped = F.rand_date(rng, max(adult, dt.date(1994, 1, 1)), dt.date(2019, 12, 31))
    if spec.get("old_expedition"):
        born = F.rand_date(rng, dt.date(1960, 1, 1), dt.date(1975, 12, 31))
        exped = F.rand_date(rng, F.add_years(born, 18), dt.date(1999, 12, 31))
    if spec["kind"] == "yellow":
        number = rng.randint(1_000_000, 99_999_999) if born.year < 1985 else rng.randint(1_000_000_000, 1_100_000_000)
    else:
        number = rng.randint(1_000_000_000, 1_120_000_000)
    h = rng.randint(150, 186) if g == "Male" else rng.randint(145, 175)
    height = f"{h // 100}.{h % 100:02d}"
    if spec.get("height_comma"):
        height = height.replace(".", ",")
    p = dict(given=given, surnames=f"{s1} {s2}", born=born, place=place, exped=exped,
             expplace=spec.get("expplace") or rng.choice(PLACES)[0], number=number, height=height,
             blood=rng.choice(BLOOD), sex="M" if g == "Male" else "F", gender=g)
    if spec["kind"] == "digital":
        issued = F.rand_date(rng, dt.date(2021, 1, 1), dt.date(2025, 6, 30))
        expiry = F.add_years(issued, 10)
        if spec.get("sept"):
            expiry = expiry.replace(month=9, day=min(expiry.day, 28))
        p.update(expiry=expiry, serial=rng.randint(10_000_000, 99_999_999),
                 place_code=f"{rng.randint(1, 99):02d}{rng.randint(1, 999):03d}")
    return p


def es_date(d, sep="-"):
    """17-ENE-1997 (yellow, sep '-') or 22 SEPT 2032 (digital, sep ' ', September as SEPT)."""
    m = F.MONTHS_ES[d.month - 1]
    if sep == " " and m == "SEP":
        m = "SEPT"
    return f"{d.day:02d}{sep}{m}{sep}{d.year}"


def truth_fields(p, spec):
    f = {"documentNumber": F.dotted(p["number"]), "lastName": p["surnames"], "firstName": p["given"],
         "fullName": f"{p['given']} {p['surnames']}"}
    if spec.get("front_only"):
        f.update(country="Colombia", category="ID")
        return f
    f.update({"dateOfBirth": F.fmt_date(p["born"]),
              "placeOfBirth": f"{p['place'][0]} ({p['place'][1]})",
              "gender": p["gender"]})
    if not spec.get("no_blood"):
        f["bloodType"] = p["blood"]
    f.update({"height": p["height"], "expeditionDate": F.fmt_date(p["exped"]),
              "expeditionPlace": p["expplace"]})
    if spec["kind"] == "digital":
        f["expireDate"] = F.fmt_date(p["expiry"])
    f.update(age=F.age_at(p["born"]), country="Colombia", category="ID")
    return f


# ---------------------------------------------------------------- yellow cédula

def yellow_front(rng, spec, p):
    c = F.Canvas(rng, W, H, SCALE, spec["bg"], tint=(222, 246))
    fam, fs, ls = spec["font"], spec["size"], spec["size"] * spec.get("label_size", 1.0)
    c.text(W / 2 - 60, 16, "REPUBLICA DE COLOMBIA", fam, 15 * fs, True, anchor="ma")
    c.text(W / 2 - 60, 38, "IDENTIFICACION PERSONAL", fam, 11 * fs, anchor="ma")
    c.text(W / 2 - 60, 56, "CEDULA DE CIUDADANIA", fam, 14 * fs, True, anchor="ma")
    c.photo((462, 84, 612, 290))
    x = c.text(36, 96, "NUMERO", fam, 10 * ls, label=True)
    c.text(x + 10, 92, F.dotted(p["number"]), fam, 17 * fs, True)
    if spec.get("strike") == "number":
        c.strike(x + 4, 108, x + 150, 96, width=1.6)
    c.text(36, 146, p["surnames"], fam, 15 * fs, True)
    c.text(36, 170, "APELLIDOS", fam, 9 * ls, label=True)
    c.text(36, 204, p["given"], fam, 15 * fs, True)
    c.text(36, 228, "NOMBRES", fam, 9 * ls, label=True)
    c.scribble(60, 300, 150, 7)
    c.rect((36, 326, 300, 327), fill=c.label_ink)
    c.text(36, 332, "FIRMA", fam, 9 * ls, label=True)
    return c


def yellow_back(rng, spec, p):
    c = F.Canvas(rng, W, H, SCALE, spec["bg"], tint=(222, 246))
    fam, fs, ls = spec["font"], spec["size"], spec["size"] * spec.get("label_size", 1.0)
    x = c.text(30, 32, "FECHA DE NACIMIENTO", fam, 9 * ls, label=True)
    dob = es_date(p["born"])
    c.text(x + 12, 28, dob, fam, 14 * fs, True)
    if spec.get("stain") and spec["stain"][0] == "dob":
        c.stain(x + 12 + c.width(dob, fam, 14 * fs, True) * 0.7, 36, 34, 14, spec["stain"][1])
    place = f"{p['place'][0]} ({p['place'][1]})"
    if spec.get("split_place"):
        c.text(30, 52, p["place"][0], fam, 13 * fs, True)
        c.text(30, 70, f"({p['place'][1]})", fam, 13 * fs, True)
    else:
        c.text(30, 66, place, fam, 13 * fs, True)
    c.text(30, 88, "LUGAR DE NACIMIENTO", fam, 9 * ls, label=True)
    c.text(30, 116, p["height"], fam, 13 * fs, True)
    c.text(130, 116, p["blood"], fam, 13 * fs, True)
    c.text(220, 116, p["sex"], fam, 13 * fs, True)
    c.text(30, 138, "ESTATURA", fam, 9 * ls, label=True)
    c.text(130, 138, "G.S. RH", fam, 9 * ls, label=True)
    c.text(220, 138, "SEXO", fam, 9 * ls, label=True)
    c.text(30, 168, f"{es_date(p['exped'])} {p['expplace']}", fam, 13 * fs, True)
    c.text(30, 190, "FECHA Y LUGAR DE EXPEDICION", fam, 9 * ls, label=True)
    c.scribble(60, 232, 140, 6)
    c.text(30, 250, rng.choice(REGISTRARS), fam, 9 * ls, label=True)
    c.text(30, 264, "REGISTRADOR NACIONAL", fam, 9 * ls, True, label=True)
    c.rect((470, 24, 612, 200), fill=200, outline=120, width=1)
    for k in range(14):  # fingerprint ridges
        c.draw.arc([(541 - 6 * k) * SCALE, (112 - 7 * k) * SCALE, (541 + 6 * k) * SCALE,
                    (112 + 7 * k) * SCALE], 200, 520, fill=90, width=2)
    c.text(486, 206, "INDICE DERECHO", fam, 8 * ls, label=True)
    for row in range(6):  # PDF417-like block
        c.barcode((30, 292 + row * 9, 610, 299 + row * 9))
    ctl = (f"{rng.choice('AP')}-{rng.randint(0, 9_999_999):07d}-{rng.randint(0, 99_999_999):08d}-"
           f"{p['sex']}-{p['number']:010d}-{(p['exped'] + dt.timedelta(days=rng.randint(10, 90))).strftime('%Y%m%d')}")
    c.text(30, 352, ctl, fam, 10 * fs)
    return c


# ---------------------------------------------------------------- cédula digital

def digital_front(rng, spec, p):
    ink = 150 if spec.get("faint") else None
    c = F.Canvas(rng, W, H, SCALE, spec["bg"], tint=(228, 250), ink=ink,
                 label_ink=(ink + 20) if ink else None)
    fam, fs = spec["font"], spec["size"]
    lab = 7.6 * fs
    val = 12.5 * fs
    c.text(180, 12, "REPÚBLICA DE COLOMBIA", fam, 14 * fs, True)
    c.text(180, 32, "IDENTIFICACIÓN PERSONAL", fam, 10 * fs)
    c.text(180, 46, "CÉDULA DE CIUDADANÍA", fam, 12 * fs, True)
    c.photo((20, 76, 150, 250))
    x = c.text(170, 76, "NUIP", fam, 9 * fs, True, label=True)
    c.text(x + 10, 72, F.dotted(p["number"]), fam, 15 * fs, True)

    def field(x, y, label, value):
        c.field(x, y, label, value, fam, lab, val)

    field(170, 100, "Apellidos / Surnames", p["surnames"])
    field(170, 134, "Nombres / Given names", p["given"])
    if spec.get("glare"):
        c.glare(280, 130, 110, 26, 0.88)
    field(170, 168, "Nacionalidad / Nationality", "COL")
    field(350, 168, "Estatura / Height", p["height"])
    field(460, 168, "Sexo / Sex", p["sex"])
    field(170, 202, "Fecha de nacimiento / Date of birth", es_date(p["born"], " "))
    field(460, 202, "G.S. / Blood type", None if spec.get("no_blood") else p["blood"])
    field(170, 236, "Lugar de nacimiento / Place of birth", f"{p['place'][0]} ({p['place'][1]})")
    exp = f"{es_date(p['exped'], ' ')}, {p['expplace']}"
    if spec.get("split_exp"):
        field(170, 270, "Fecha y lugar de expedición / Date and place of issue",
              (f"{es_date(p['exped'], ' ')},", p["expplace"]))
        field(170, 318, "Fecha de expiración / Date of expiry", es_date(p["expiry"], " "))
    else:
        field(170, 270, "Fecha y lugar de expedición / Date and place of issue", exp)
        field(170, 304, "Fecha de expiración / Date of expiry", es_date(p["expiry"], " "))
    c.scribble(30, 300, 110, 6)
    return c


def digital_mrz(p):
    return F.td1("IC", "COL", f"{p['serial']:09d}", p["born"], p["sex"], p["expiry"], "COL",
                 p["surnames"], p["given"], optional1=p["place_code"],
                 optional2=f"{p['number']:010d}")


def digital_back(rng, spec, p):
    ink = 150 if spec.get("faint") else None
    c = F.Canvas(rng, W, H, SCALE, spec["bg"], tint=(228, 250), ink=ink)
    fam = spec["font"]
    c.qr((24, 24, 204, 204), 29)
    c.text(230, 40, "Registraduría Nacional del Estado Civil", fam, 10)
    c.text(230, 60, f"NUIP {F.dotted(p['number'])}", fam, 10)
    c.rect((440, 30, 600, 200), fill=205, outline=130)
    c.text(452, 206, "Índice derecho", fam, 8, label=True)
    mrz = digital_mrz(p)
    for i, line in enumerate(mrz):
        c.text(30, 268 + i * 36, line, F.OCRB, 21, fill=20, spacing=0.6)
    return c


# ---------------------------------------------------------------- driver

def write_doc(i, spec):
    rng = random.Random(SEED * 100 + i)
    name = f"cc-{i:02d}"
    p = make_person(rng, spec)
    if spec["kind"] == "yellow":
        sides = [yellow_front(rng, spec, p)] + ([] if spec.get("front_only") else [yellow_back(rng, spec, p)])
    else:
        sides = [digital_front(rng, spec, p), digital_back(rng, spec, p)]
    pages = [F.degrade(c.img, rng, rot=spec["rot"] * (1 if k == 0 else -0.7), blur=spec["blur"],
                       noise=spec["noise"], jpeg=spec["jpeg"], scale=SCALE) for k, c in enumerate(sides)]
    fields = truth_fields(p, spec)
    printed = {"dateOfBirth": es_date(p["born"], "-" if spec["kind"] == "yellow" else " ")}
    if "expeditionDate" in fields:
        printed["expeditionDate"] = es_date(p["exped"], "-" if spec["kind"] == "yellow" else " ")
    if "expireDate" in fields:
        printed["expireDate"] = es_date(p["expiry"], " ")
    if spec["kind"] == "digital":
        printed["mrz"] = "\n".join(digital_mrz(p))
    if spec.get("front_only"):
        printed = {}
    render = {"font": spec["font"], "scale": SCALE, "rotationDegrees": spec["rot"], "blur": spec["blur"],
              "background": spec["bg"], "pages": len(pages),
              "notes": (f"{spec['kind']}; font size x{spec['size']:.2f}"
                        + (f", labels x{spec['label_size']:.2f}" if "label_size" in spec else "")
                        + f", noise {spec['noise']}, jpeg q{spec['jpeg']}; back rotated "
                        f"{spec['rot'] * -0.7:+.2f}; " + spec["notes"])}
    shown = [F.dotted(p["number"]), p["surnames"], p["given"]] + list(printed.values())[:3]
    if "placeOfBirth" in fields and not spec.get("split_place"):
        shown.append(fields["placeOfBirth"])
    F.write_fixture(OUT_DIR, name, "CC", pages, render, fields, printed, shown,
                    requires_back_side=bool(spec.get("front_only")))


def main():
    """Write every document, or only those numbered on the command line (e.g. `... 3 7`)."""
    F.generate(OUT_DIR, "scripts/make_cc_fixtures.py", "CC OCR fixtures", DOCS, write_doc,
               sys.argv[1:])


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generate synthetic OCR fixtures for Peruvian DNIs (DNI): blue DNI and electronic DNIe.

What it does
    Renders 10 synthetic RENIEC identity cards of fictional people with Pillow (fixed seeds):
    dni-01..05 the blue DNI (one page: the front, with the TD1 MRZ at its bottom), dni-06..10
    the DNIe (front + back; the TD1 MRZ is on the back). The printed number carries its CUI
    check character (`70275722 - 9`, documents.md §6.1) and the MRZ its ICAO check digits,
    all computed. Each side is OCR'd alone with the real Tesseract CLI
    (`tesseract IMG OUT -l spa tsv`) into Fixtures/DNI/:

        dni-NN.png             the card (front above back for the DNIe), 16 grey levels
        dni-NN.tsv             Tesseract TSV of a one-page card
        dni-NN.p1.tsv / .p2.tsv  front / back TSVs of a DNIe
        dni-NN.truth.json      what was printed (CCVE truth schema)

    It also refreshes the tesseract-version block of Fixtures/DNI/README.md and prints, per
    card, the printed values Tesseract did not read verbatim (stderr).

How to run (from the repository root)
    python3 scripts/make_dni_fixtures.py [NN ...]

    Needs Pillow, DejaVu / Liberation / FreeFont TTFs, fonts-ocr-b and tesseract with `spa`.
    Every card draws from its own random.Random(SEED * 100 + NN).
"""

import datetime as dt
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixturelib as F  # noqa: E402

SEED = 20251023_05
OUT_DIR = os.path.join(F.REPO_ROOT, "Fixtures", "DNI")
W, H, SCALE = 640, 404, 1.6

MALE = ["JORGE ANTHONY", "LUIS ALBERTO", "CESAR AUGUSTO", "JOSE CARLOS", "MIGUEL ANGEL", "PERCY",
        "WILFREDO", "RAUL ERNESTO"]
FEMALE = ["ROSA ELENA", "MARIA ISABEL", "KATHERINE", "FIORELLA", "LUZ MARINA", "YESSICA PAOLA",
          "MILAGROS DEL PILAR"]
SURNAMES = ["CARDENAS", "ARANA", "QUISPE", "MAMANI", "HUAMAN", "FLORES", "CHAVEZ", "RAMOS", "TORRES",
            "VILLANUEVA", "MUÑOZ", "CCAHUANA", "ROJAS", "ESPINOZA", "CASTAÑEDA", "PAREDES"]
CIVIL = {"Male": ["SOLTERO", "CASADO", "VIUDO", "DIVORCIADO"], "Female": ["SOLTERA", "CASADA", "VIUDA",
                                                                          "DIVORCIADA"]}
ADDRESSES = [("LIMA/LIMA/MIRAFLORES", "AV. JOSE LARCO 1234"), ("ANCASH/SANTA/CHIMBOTE", "JR. LEONCIO PRADO 455"),
             ("CUSCO/CUSCO/WANCHAQ", "CALLE TULLUMAYO 321"), ("AREQUIPA/AREQUIPA/CAYMA", "URB. LA RESERVA MZ B LT 7")]

DOCS = [
    dict(kind="blue", font="DejaVuSans", size=1.0, blur=0.5, rot=0.3, bg="guilloche", noise=9, jpeg=75,
         gender="Male", notes="baseline blue DNI (MRZ on the front)"),
    dict(kind="blue", font="LiberationSans", size=1.0, blur=0.5, rot=-0.8, bg="gradient", noise=9, jpeg=70,
         gender="Female", combined=True,
         notes="specimen-style 'Nacimiento: Fecha y Ubigeo' label with date and ubigeo on one value line"),
    dict(kind="blue", font="FreeSans", size=1.0, label_size=0.8, blur=1.3, rot=1.1, bg="guilloche", noise=11,
         jpeg=55, gender="Male", notes="hard: heavy blur + small labels (labels garbled)"),
    dict(kind="blue", font="DejaVuSerif", size=0.95, blur=0.6, rot=-0.4, bg="noise", noise=10, jpeg=70,
         gender="Female", letter_check=True, notes="check character printed in its letter form (- C style)"),
    dict(kind="blue", font="LiberationSansNarrow", size=1.05, blur=0.6, rot=0.9, bg="gradient", noise=10,
         jpeg=65, gender="Male", surname1="MUÑOZ", stain="caducidad",
         notes="hard: coffee stain over Fecha de Caducidad; Ñ surname (NXX in the MRZ)"),
    dict(kind="dnie", font="DejaVuSans", size=1.0, blur=0.5, rot=-0.3, bg="gradient", noise=8, jpeg=75,
         gender="Female", notes="baseline DNIe (front + back, MRZ on the back)"),
    dict(kind="dnie", font="LiberationSerif", size=1.0, blur=0.5, rot=0.6, bg="guilloche", noise=9, jpeg=70,
         gender="Male", no_second=True, no_ubigeo=True,
         notes="hard: no second surname and no ubigeo printed (missing fields)"),
    dict(kind="dnie", font="DejaVuSansCondensed", size=1.0, blur=0.6, rot=-1.2, bg="gradient", noise=10,
         jpeg=65, gender="Female", given="MARIA DE LOS ANGELES GUADALUPE", split_given=True,
         notes="hard: long given names split over two lines"),
    dict(kind="dnie", font="FreeSerif", size=1.05, blur=0.7, rot=1.8, bg="gradient", noise=10, jpeg=60,
         gender="Male", glare=True, notes="hard: glare over the DNI number; rotation +1.8"),
    dict(kind="dnie", font="LiberationSans", size=0.95, blur=0.8, rot=-0.6, bg="gradient", noise=10, jpeg=40,
         gender="Female", faint=True, strike=True,
         notes="hard: faint print + JPEG q40, pen stroke across the emission date"),
]


def dmy(d):
    return f"{d.day:02d} {d.month:02d} {d.year}"


def make_person(rng, spec):
    g = spec["gender"]
    given = spec.get("given") or rng.choice(MALE if g == "Male" else FEMALE)
    s1, s2 = rng.sample(SURNAMES, 2)
    s1 = spec.get("surname1", s1)
    if s1 == s2:
        s2 = "PAREDES"
    if spec.get("no_second"):
        s2 = ""
    born = F.rand_date(rng, dt.date(1955, 1, 1), dt.date(2006, 12, 31))
    insc = F.rand_date(rng, F.add_years(born, 17), F.add_years(born, 18))
    emis = F.rand_date(rng, max(insc, dt.date(2018, 1, 1)), dt.date(2025, 9, 30))
    cad = F.add_years(emis, 8)
    number = f"{rng.randint(1_000_000, 79_999_999):08d}"
    civil = CIVIL[g][0] if born.year > 1998 else rng.choice(CIVIL[g])
    ubigeo = f"{rng.randint(1, 25):02d}{rng.randint(1, 20):02d}{rng.randint(1, 30):02d}"
    sex = "M" if g == "Male" else "F"
    mrz = F.td1("I", "PER", number, born, sex, cad, "PER", s1, given, enye="NXX")
    return dict(given=given, s1=s1, s2=s2, born=born, insc=insc, emis=emis, cad=cad, number=number,
                check=F.pe_cui_check(number, spec.get("letter_check", False)), civil=civil, ubigeo=ubigeo,
                sex=sex, gender=g, mrz=mrz, address=rng.choice(ADDRESSES))


def canvas(rng, spec):
    ink = 150 if spec.get("faint") else None
    return F.Canvas(rng, W, H, SCALE, spec["bg"], tint=(224, 248), ink=ink,
                    label_ink=(ink + 20) if ink else None)


def draw_mrz(c, lines, y0):
    for i, line in enumerate(lines):
        natural = c.width(line, F.OCRB, 19)
        c.text(40, y0 + i * 32, line, F.OCRB, 19, fill=20, spacing=(560 - natural) / 29)


def front(rng, spec, p):
    c = canvas(rng, spec)
    fam, fs = spec["font"], spec["size"]
    lab = 7.8 * fs * spec.get("label_size", 1.0)
    val = 12.5 * fs
    c.text(180, 8, "REPUBLICA DEL PERU", fam, 14 * fs, True)
    c.text(180, 27, "REGISTRO NACIONAL DE IDENTIFICACION Y ESTADO CIVIL", fam, 7.5 * fs)
    c.text(180, 39, "DOCUMENTO NACIONAL DE IDENTIDAD", fam, 10 * fs, True)
    c.text(470, 54, "CUI", fam, 7 * fs, label=True)
    x = c.text(440, 64, "DNI", fam, 13 * fs, True)
    c.text(x + 8, 64, f"{p['number']} - {p['check']}", fam, 15 * fs, True)
    if spec.get("glare"):
        c.glare(530, 72, 70, 14, 0.9)
    c.photo((20, 60, 150, 220))
    c.text(22, 226, p["s1"], fam, 9 * fs, True)            # surname repeated under the photo
    c.vtext(153, 120, p["number"], fam, 8 * fs)             # number printed vertically beside the photo

    def field(x, y, label, value):
        c.field(x, y, label, value, fam, lab, val, dy=(10, 25))

    L = 176
    field(L, 62, "Primer Apellido", p["s1"])
    field(L, 94, "Segundo Apellido", p["s2"])
    if spec.get("split_given"):
        words = p["given"].split()
        field(L, 126, "Pre Nombres", (" ".join(words[:-1]), words[-1]))
        y = 173
    else:
        field(L, 126, "Pre Nombres", p["given"])
        y = 158
    if spec.get("combined"):
        field(L, y, "Nacimiento: Fecha y Ubigeo", f"{dmy(p['born'])}   {p['ubigeo']}")
    else:
        field(L, y, "Fecha de Nacimiento", dmy(p["born"]))
        if not spec.get("no_ubigeo"):
            field(L + 120, y, "UBIGEO", p["ubigeo"])
    field(L, y + 32, "Sexo", p["sex"])
    field(L + 50, y + 32, "Estado Civil", p["civil"])
    R = 462
    field(R, 100, "Fecha de Inscripción", dmy(p["insc"]))
    field(R, 134, "Fecha de Emisión", dmy(p["emis"]))
    if spec.get("strike"):
        c.strike(R - 4, 152, R + 90, 140, width=1.4)
    field(R, 168, "Fecha de Caducidad", dmy(p["cad"]))
    if spec.get("stain") == "caducidad":
        c.stain(R + 50, 186, 36, 12, 0.55)
    if spec["kind"] == "blue":
        draw_mrz(c, p["mrz"], 288)
    else:
        c.scribble(L + 150, 240, 120, 6)
        c.text(L + 150, 256, "Firma", fam, lab, label=True)
    return c


def back(rng, spec, p):
    c = canvas(rng, spec)
    fam, fs = spec["font"], spec["size"]
    c.text(24, 16, "Departamento / Provincia / Distrito", fam, 7.8 * fs, label=True)
    c.text(24, 27, p["address"][0], fam, 11 * fs, True)
    c.text(24, 48, "Dirección", fam, 7.8 * fs, label=True)
    c.text(24, 59, p["address"][1], fam, 11 * fs, True)
    c.text(24, 82, "Donación de Órganos", fam, 7.8 * fs, label=True)
    c.text(150, 80, rng.choice(["SI", "NO"]), fam, 11 * fs, True)
    for k in range(4):  # constancia de sufragio grid
        c.rect((300 + k * 70, 20, 362 + k * 70, 90), outline=120)
        c.text(306 + k * 70, 24, "SUFRAGIO", fam, 6, label=True)
    c.rect((470, 110, 600, 230), fill=205, outline=130)
    c.text(480, 236, "Índice derecho", fam, 7, label=True)
    c.barcode((24, 120, 440, 170))
    draw_mrz(c, p["mrz"], 288)
    return c


def write_doc(i, spec):
    rng = random.Random(SEED * 100 + i)
    name = f"dni-{i:02d}"
    p = make_person(rng, spec)
    sides = [front(rng, spec, p)] + ([back(rng, spec, p)] if spec["kind"] == "dnie" else [])
    pages = [F.degrade(c.img, rng, rot=spec["rot"] * (1 if k == 0 else -0.6), blur=spec["blur"],
                       noise=spec["noise"], jpeg=spec["jpeg"], scale=SCALE) for k, c in enumerate(sides)]
    last = f"{p['s1']} {p['s2']}".strip()
    # Both surnames are printed under labels of their own (Primer / Segundo Apellido); lastName joins them.
    fields = {"documentNumber": p["number"], "checkDigit": p["check"], "firstSurname": p["s1"]}
    if p["s2"]:
        fields["secondSurname"] = p["s2"]
    fields |= {"lastName": last,
              "firstName": p["given"], "fullName": f"{p['given']} {last}",
              "dateOfBirth": F.fmt_date(p["born"]), "gender": p["gender"], "civilStatus": p["civil"],
              "expeditionDate": F.fmt_date(p["emis"]), "expireDate": F.fmt_date(p["cad"])}
    if not spec.get("no_ubigeo"):
        fields["ubigeo"] = p["ubigeo"]
    fields.update(age=F.age_at(p["born"]), country="Peru", category="ID")
    printed = {"documentNumber": f"{p['number']} - {p['check']}", "dateOfBirth": dmy(p["born"]),
               "expeditionDate": dmy(p["emis"]), "expireDate": dmy(p["cad"]), "gender": p["sex"],
               "mrz": "\n".join(p["mrz"])}
    render = {"font": spec["font"], "scale": SCALE, "rotationDegrees": spec["rot"], "blur": spec["blur"],
              "background": spec["bg"], "pages": len(pages),
              "notes": (f"{spec['kind']}; font size x{spec['size']:.2f}"
                        + (f", labels x{spec['label_size']:.2f}" if "label_size" in spec else "")
                        + f", noise {spec['noise']}, jpeg q{spec['jpeg']}; MRZ OCR-B; " + spec["notes"])}
    shown = [printed["documentNumber"], p["s1"], p["s2"], p["given"], printed["dateOfBirth"],
             printed["expeditionDate"], printed["expireDate"], p["civil"], fields.get("ubigeo")] + list(p["mrz"])
    if spec.get("split_given"):
        shown.remove(p["given"])
    F.write_fixture(OUT_DIR, name, "DNI", pages, render, fields, printed, shown)


def main():
    """Write every document, or only those numbered on the command line (e.g. `... 3 7`)."""
    F.generate(OUT_DIR, "scripts/make_dni_fixtures.py", "DNI OCR fixtures", DOCS, write_doc,
               sys.argv[1:])


if __name__ == "__main__":
    main()

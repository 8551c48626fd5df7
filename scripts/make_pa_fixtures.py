#!/usr/bin/env python3
"""Generate synthetic OCR fixtures for passports (PA): Panamanian, plus two Colombian.

What it does
    Renders 10 synthetic passport data pages of fictional people with Pillow (fixed seeds):
    a bilingual visual zone (Apellidos / Surname, Nombres / Given names, ... labels above
    their values) and a TD3 machine-readable zone (2 x 44, OCR-B, all check digits computed;
    the personal-number field holds the holder's cédula with '<' for its hyphens). Each page
    is OCR'd with the real Tesseract CLI (`tesseract IMG OUT -l spa tsv`) into Fixtures/PA/:

        pa-NN.png          the data page, 16 grey levels
        pa-NN.tsv          Tesseract TSV
        pa-NN.truth.json   what was printed (fields in the CCVE truth schema; `printed`
                           holds as-printed forms such as `12 MAR/MAR 1985`, `PANAMEÑA`)

    It also refreshes the tesseract-version block of Fixtures/PA/README.md and prints, per
    document, the printed values Tesseract did not read verbatim (stderr).

How to run (from the repository root)
    python3 scripts/make_pa_fixtures.py [NN ...]

    Needs Pillow, DejaVu / Liberation / FreeFont TTFs, fonts-ocr-b and tesseract with `spa`.
    Every page draws from its own random.Random(SEED * 100 + NN): reruns give the same PNG
    and truth files; TSVs depend on the Tesseract version.
"""

import datetime as dt
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixturelib as F  # noqa: E402

SEED = 20251023_04
OUT_DIR = os.path.join(F.REPO_ROOT, "Fixtures", "PA")
W, H, SCALE = 660, 460, 1.6

COUNTRIES = {
    "PAN": dict(name="Panama", header="REPÚBLICA DE PANAMÁ", nat={"Male": "PANAMEÑO", "Female": "PANAMEÑA"},
                authority="AUTORIDAD DE PASAPORTES", authority_long=("AUTORIDAD DE PASAPORTES", "DE PANAMA"),
                places=["PANAMA", "COLON", "DAVID, CHIRIQUI", "SANTIAGO, VERAGUAS", "CHITRE, HERRERA",
                        "LA CHORRERA", "PENONOME, COCLE"]),
    "COL": dict(name="Colombia", header="REPÚBLICA DE COLOMBIA", nat={"Male": "COLOMBIANO", "Female": "COLOMBIANA"},
                authority="MIN. RELACIONES EXTERIORES",
                places=["BOGOTA D.C.", "MEDELLIN", "CALI", "BARRANQUILLA", "CARTAGENA"]),
}
MALE = ["JUAN CARLOS", "LUIS ALBERTO", "RICARDO", "JOSE MIGUEL", "ROBERTO", "EDUARDO ENRIQUE", "ALEXIS"]
FEMALE = ["ANA LUCIA", "MARIA FERNANDA", "YARIELA", "GISELLE", "KATHIA ISABEL", "ITZEL", "LUZ MARIA"]
SURNAMES = ["DE LEON", "GONZALEZ", "RODRIGUEZ", "BATISTA", "CASTILLO", "CEDEÑO", "SANJUR", "VEGA",
            "PINZON", "QUINTERO", "ARAUZ", "SAMANIEGO", "MORALES", "HERRERA", "NUÑEZ", "CHIARI"]

DOCS = [
    dict(state="PAN", font="DejaVuSans", size=1.0, blur=0.5, rot=0.3, bg="guilloche", noise=9, jpeg=75,
         gender="Male", bilingual=True, notes="baseline Panamanian data page"),
    dict(state="PAN", font="LiberationSerif", size=1.0, blur=0.4, rot=-0.6, bg="gradient", noise=9, jpeg=70,
         gender="Female", bilingual=True, notes="serif; Ñ in nationality (PANAMEÑA) and surname"),
    dict(state="PAN", font="FreeSans", size=1.0, label_size=0.8, blur=1.2, rot=1.2, bg="guilloche", noise=11,
         jpeg=55, gender="Male", bilingual=True, notes="hard: heavy blur + small labels (labels garbled)"),
    dict(state="PAN", font="LiberationSansNarrow", size=1.05, blur=0.5, rot=-1.0, bg="gradient", noise=9,
         jpeg=70, gender="Female", bilingual=True, split_authority=True,
         notes="hard: authority printed over two lines (AUTORIDAD DE PASAPORTES / DE PANAMA)"),
    dict(state="PAN", font="DejaVuSerif", size=0.95, blur=0.6, rot=0.7, bg="gradient", noise=10, jpeg=65,
         gender="Male", bilingual=True, stain="dob", notes="hard: coffee stain over the date of birth"),
    dict(state="PAN", font="DejaVuSansCondensed", size=1.0, blur=0.6, rot=-0.4, bg="guilloche", noise=10,
         jpeg=65, gender="Female", bilingual=True, no_personal=True,
         notes="hard: no personal number printed (MRZ personal field all '<', check '<')"),
    dict(state="PAN", font="LiberationSans", size=1.0, blur=0.6, rot=0.5, bg="gradient", noise=10, jpeg=60,
         gender="Male", bilingual=True, glare=True, surname2="DE LA GUARDIA",
         notes="hard: glare over the surnames; particle surname DE LA GUARDIA"),
    dict(state="PAN", font="FreeSerif", size=1.05, blur=0.6, rot=2.2, shear=(24, 14), bg="gradient", noise=10,
         jpeg=65, gender="Female", bilingual=True,
         notes="hard: rotation +2.2 with keystone shear"),
    dict(state="COL", font="LiberationSans", size=1.0, blur=0.5, rot=-0.5, bg="guilloche", noise=9, jpeg=70,
         gender="Male", bilingual=False, notes="Colombian passport: Spanish months only (12 MAR 1985); NUIP as personal no."),
    dict(state="COL", font="DejaVuSans", size=0.95, blur=0.8, rot=0.9, bg="gradient", noise=9, jpeg=40,
         gender="Female", bilingual=False, faint=True, notes="hard: Colombian, faint print + JPEG q40"),
]


def viz_date(d, bilingual):
    es, en = F.MONTHS_ES[d.month - 1], F.MONTHS_EN[d.month - 1]
    return f"{d.day:02d} {es}/{en} {d.year}" if bilingual else f"{d.day:02d} {es} {d.year}"


def make_person(rng, spec):
    g, st = spec["gender"], spec["state"]
    c = COUNTRIES[st]
    given = rng.choice(MALE if g == "Male" else FEMALE)
    s1, s2 = rng.sample(SURNAMES, 2)
    if spec.get("surname2"):
        s2 = spec["surname2"]
    born = F.rand_date(rng, dt.date(1950, 1, 1), dt.date(2004, 12, 31))
    issued = F.rand_date(rng, dt.date(2021, 1, 1), dt.date(2025, 9, 30))
    expiry = F.add_years(issued, 5 if st == "PAN" else 10) - dt.timedelta(days=1)
    if st == "PAN":
        number = f"PA{rng.randint(0, 9_999_999):07d}"
        prov = rng.choice(["8", "8", "8", "4", "3", "9", "2", "6", "7", "PE", "E"])
        personal = f"{prov}-{rng.randint(1, 999 if len(prov) == 1 else 99)}-{rng.randint(1, 2999)}"
    else:
        number = f"A{rng.choice('QRT')}{rng.randint(0, 999_999):06d}"
        personal = str(rng.randint(1_000_000_000, 1_100_000_000))
    if spec.get("no_personal"):
        personal = ""
    place = rng.choice(c["places"])
    mrz = F.td3("P", st, f"{s1} {s2}", given, number, st, born, "M" if g == "Male" else "F", expiry,
                personal)
    return dict(given=given, surnames=f"{s1} {s2}", born=born, issued=issued, expiry=expiry, number=number,
                personal=personal, place=place, nat=c["nat"][g], sex="M" if g == "Male" else "F", gender=g,
                authority=c["authority"], mrz=mrz)


def render(rng, spec, p):
    c0 = COUNTRIES[spec["state"]]
    ink = 150 if spec.get("faint") else None
    c = F.Canvas(rng, W, H, SCALE, spec["bg"], tint=(226, 248), ink=ink, label_ink=(ink + 20) if ink else None)
    fam, fs = spec["font"], spec["size"]
    lab = 7.8 * fs * spec.get("label_size", 1.0)
    val = 12.5 * fs
    bi = spec["bilingual"]
    c.text(W / 2 + 60, 12, c0["header"], fam, 15 * fs, True, anchor="ma")
    c.text(W / 2 + 60, 32, "PASAPORTE / PASSPORT", fam, 11 * fs, anchor="ma")
    c.photo((20, 62, 172, 262))

    def field(x, y, label, value):
        c.field(x, y, label, value, fam, lab, val)

    L, R = 190, 440
    field(L, 58, "Tipo / Type", "P")
    field(L + 80, 58, "Código / Code", spec["state"])
    field(R, 58, "Pasaporte No. / Passport No.", p["number"])
    field(L, 94, "Apellidos / Surname", p["surnames"])
    field(L, 130, "Nombres / Given names", p["given"])
    if spec.get("glare"):
        c.glare(L + 90, 112, 110, 18, 0.9)
    field(L, 166, "Nacionalidad / Nationality", p["nat"])
    field(R, 166, "Cédula / Personal No.", p["personal"])
    field(L, 202, "Fecha de nacimiento / Date of birth", viz_date(p["born"], bi))
    if spec.get("stain") == "dob":
        c.stain(L + 80, 219, 40, 13, 0.55)
    field(R, 202, "Sexo / Sex", p["sex"])
    field(L, 238, "Lugar de nacimiento / Place of birth", p["place"])
    field(L, 274, "Fecha de expedición / Date of issue", viz_date(p["issued"], bi))
    auth = c0["authority_long"] if spec.get("split_authority") else p["authority"]
    field(R, 274, "Autoridad / Authority", auth)
    field(L, 310, "Fecha de expiración / Date of expiry", viz_date(p["expiry"], bi))
    c.scribble(40, 290, 110, 6)
    c.text(30, 304, "Firma del titular / Holder's signature", fam, 6.5 * fs, label=True)
    mrz_px = 17.5
    for i, line in enumerate(p["mrz"]):
        natural = c.width(line, F.OCRB, mrz_px)
        c.text(24, 374 + i * 34, line, F.OCRB, mrz_px, fill=20, spacing=(612 - natural) / 43)
    return c


def write_doc(i, spec):
    rng = random.Random(SEED * 100 + i)
    name = f"pa-{i:02d}"
    p = make_person(rng, spec)
    page = F.degrade(render(rng, spec, p).img, rng, rot=spec["rot"], blur=spec["blur"], noise=spec["noise"],
                     jpeg=spec["jpeg"], shear=spec.get("shear"), scale=SCALE)
    c0 = COUNTRIES[spec["state"]]
    auth = " ".join(c0["authority_long"]) if spec.get("split_authority") else p["authority"]
    fields = {"documentNumber": p["number"], "lastName": p["surnames"], "firstName": p["given"],
              "fullName": f"{p['given']} {p['surnames']}", "nationality": c0["name"],
              "dateOfBirth": F.fmt_date(p["born"]), "gender": p["gender"], "placeOfBirth": p["place"],
              "expeditionDate": F.fmt_date(p["issued"]), "expireDate": F.fmt_date(p["expiry"])}
    if p["personal"]:
        fields["personalNumber"] = p["personal"]
    fields.update({"issuingAuthority": auth, "mrz": "\n".join(p["mrz"]), "age": F.age_at(p["born"]),
                   "country": c0["name"], "category": "PASSPORT"})
    bi = spec["bilingual"]
    printed = {"nationality": p["nat"], "dateOfBirth": viz_date(p["born"], bi),
               "expeditionDate": viz_date(p["issued"], bi), "expireDate": viz_date(p["expiry"], bi),
               "gender": p["sex"]}
    render_info = {"font": spec["font"], "scale": SCALE, "rotationDegrees": spec["rot"], "blur": spec["blur"],
                   "background": spec["bg"], "pages": 1,
                   "notes": (f"{spec['state']} passport; font size x{spec['size']:.2f}"
                             + (f", labels x{spec['label_size']:.2f}" if "label_size" in spec else "")
                             + (f", shear {spec['shear']}" if spec.get("shear") else "")
                             + f", noise {spec['noise']}, jpeg q{spec['jpeg']}; MRZ OCR-B; " + spec["notes"])}
    shown = [p["number"], p["surnames"], p["given"], p["personal"], p["place"], printed["dateOfBirth"],
             printed["expeditionDate"], printed["expireDate"], p["nat"], p["mrz"][0], p["mrz"][1]]
    F.write_fixture(OUT_DIR, name, "PA", [page], render_info, fields, printed, shown)


def main():
    """Write every document, or only those numbered on the command line (e.g. `... 3 7`)."""
    F.generate(OUT_DIR, "scripts/make_pa_fixtures.py", "PA OCR fixtures", DOCS, write_doc,
               sys.argv[1:])


if __name__ == "__main__":
    main()

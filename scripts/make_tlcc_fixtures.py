#!/usr/bin/env python3
"""Generate synthetic OCR fixtures for the Colombian driving licence (licencia de conducción, TLCC).

What it does
    Renders 11 synthetic licences (fictional holders, fixed seeds) with Pillow, front and back
    as separate sides (720x454 layout units at scale 1.75 -> 1260x794 px each), OCRs each side
    alone with the real Tesseract CLI (`tesseract IMG OUTBASE -l spa tsv`) and writes into
    Fixtures/TLCC/:

        tlcc-NN.png          both sides stacked (front above back), 16-grey palette PNG
        tlcc-NN.p1.tsv       Tesseract TSV of the front, byte for byte
        tlcc-NN.p2.tsv       Tesseract TSV of the back
        tlcc-NN.truth.json   ground truth (flat output formats)

    Two licences (08, 11) are front-only: one `tlcc-NN.tsv`, and no back-side fields
    (expireDate, licenseCategories) in the truth.

    Layout from shared/reference/documents.md section 9 (labels unverified [U]): front with
    REPÚBLICA DE COLOMBIA, MINISTERIO DE TRANSPORTE, LICENCIA DE CONDUCCIÓN, No. (the cédula,
    dotted or not), APELLIDOS / NOMBRES with the value under the label, FECHA DE NACIMIENTO,
    G.S. RH, DONANTE, FECHA DE EXPEDICIÓN, ORGANISMO DE TRÁNSITO; back with the table
    CATEGORÍA / VIGENCIA / RESTRICCIONES (one row per category) and a barcode.

How to run (from the repository root)
    python3 scripts/make_tlcc_fixtures.py
"""

import datetime as dt
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixturelib as fl  # noqa: E402
import fixturelib_forms as ff  # noqa: E402

SEED = 20251104
OUT_DIR = os.path.join(fl.REPO_ROOT, "Fixtures", "TLCC")
W, H, S = 720, 454, 1.75

DOCS = [
    dict(font="DejaVuSans", size=1.0, blur=0.6, rot=0.4, bg="guilloche", noise=10, jpeg=70, cats=["B1"],
         notes="baseline; single category B1; dotted number"),
    dict(font="LiberationSans", size=1.0, blur=0.4, rot=-0.8, bg="gradient", noise=8, jpeg=75, cats=["A2", "B1"],
         notes="two categories with the same validity (A2, B1)"),
    dict(font="DejaVuSerif", size=0.95, blur=0.8, rot=1.1, bg="noise", noise=8, jpeg=72, cats=["B1", "C1"],
         dotted=False, notes="hard: two categories with different validity (C1 public service: 3 years); undotted number"),
    dict(font="LiberationSerif", size=1.0, blur=0.3, rot=-0.3, bg="guilloche", noise=8, jpeg=80, cats=["A2"],
         notes="single category A2 (motorcycle); serif font"),
    dict(font="FreeSans", size=0.88, label_size=0.85, blur=1.2, rot=-1.4, bg="guilloche", noise=10, jpeg=55,
         cats=["B1"], notes="hard: heavy blur + small labels -> garbled labels"),
    dict(font="LiberationSansNarrow", size=1.05, blur=0.5, rot=1.5, bg="gradient", noise=10, jpeg=65,
         cats=["A2", "B1", "C2"], long_authority=True,
         notes="hard: three categories; long transit authority wrapped onto two lines"),
    dict(font="DejaVuSansCondensed", size=0.95, blur=0.9, rot=-1.0, bg="noise", noise=8, jpeg=70, cats=["B1"],
         blood="AB-", accents=False, notes="unaccented labels (CONDUCCION, EXPEDICION, TRANSITO); blood type AB-"),
    dict(font="LiberationSans", size=1.1, blur=0.4, rot=0.7, bg="guilloche", noise=9, jpeg=70, cats=["B1"],
         front_only=True, old=True, notes="front only; holder over 60 (5-year validity not visible)"),
    dict(font="FreeSerif", size=1.05, blur=0.7, rot=-0.6, bg="gradient", noise=11, jpeg=65, cats=["B1", "B2"],
         stain=(470, 218, 40, 14, 0.55), notes="hard: dark stain over the G.S. RH / DONANTE cells"),
    dict(font="DejaVuSerif", size=0.9, blur=1.0, rot=0.2, bg="gradient", noise=16, jpeg=50, cats=["A1", "B1"],
         scratch_number=True, notes="hard: strong noise + JPEG q50; pen strokes over the licence number"),
    dict(font="DejaVuSans", size=0.95, blur=0.8, rot=-1.0, bg="guilloche", noise=10, jpeg=70, cats=["C1"],
         front_only=True, out_scale=1.0, notes="hard: front only, low resolution (720x454) + blur"),
]

SURN = ["GARCÍA", "RODRÍGUEZ", "MARTÍNEZ", "LÓPEZ", "GONZÁLEZ", "HERNÁNDEZ", "SÁNCHEZ", "RAMÍREZ",
        "TORRES", "DÍAZ", "MORENO", "ROJAS", "VARGAS", "OSPINA", "CASTAÑO", "RESTREPO", "CARDONA", "MUÑOZ"]
GIVEN = ["JUAN", "CARLOS", "ANDRÉS", "FELIPE", "DIANA", "CAROLINA", "LUIS", "FERNANDO", "MARÍA", "PAULA",
         "ALEJANDRA", "SANTIAGO", "CAMILO", "NATALIA", "JORGE", "ESTEBAN", "LINA", "MARCELA", "DAVID"]
AUTH = ["STRIA MOVILIDAD BOGOTÁ D.C.", "SECRETARÍA DE MOVILIDAD DE MEDELLÍN", "STRIA TTOyT CALI",
        "INST. DEPTAL TRÁNSITO BOYACÁ", "DATT CARTAGENA", "STRIA TRÁNSITO BUCARAMANGA"]
LONG_AUTH = "SECRETARÍA DE TRÁNSITO Y TRANSPORTE MUNICIPAL DE VILLAVICENCIO"
BLOOD = ["O+", "O+", "O+", "A+", "A+", "B+", "O-", "A-", "AB+"]


def add_years(d, n):
    try:
        return d.replace(year=d.year + n)
    except ValueError:
        return d.replace(year=d.year + n, day=28)


def make_doc(rng, spec):
    old = spec.get("old")
    born = fl.rand_date(rng, dt.date(1945, 1, 1) if old else dt.date(1968, 1, 1),
                        dt.date(1960, 12, 31) if old else dt.date(2004, 12, 31))
    exped = fl.rand_date(rng, max(add_years(born, 18), dt.date(2016, 1, 1)), dt.date(2025, 9, 30))
    age_at_exp = fl.age_at(born, exped)
    cats = {}
    for cat in spec["cats"]:
        if cat.startswith("C"):
            years = 3 if age_at_exp < 60 else 1
        else:
            years = 10 if age_at_exp < 60 else (5 if age_at_exp <= 80 else 1)
        cats[cat] = add_years(exped, years)
    number = rng.choice([rng.randint(10_000_000, 99_999_999), rng.randint(1_000_000_000, 1_099_999_999)])
    printed_number = fl.dotted(number) if spec.get("dotted", True) else str(number)
    last = f"{rng.choice(SURN)} {rng.choice(SURN)}"
    first = rng.choice(GIVEN) + (f" {rng.choice(GIVEN)}" if rng.random() < 0.6 else "")
    f = {"documentNumber": printed_number, "lastName": last, "firstName": first, "fullName": f"{first} {last}",
         "dateOfBirth": born.strftime("%d/%m/%Y"), "bloodType": spec.get("blood", rng.choice(BLOOD)),
         "expeditionDate": exped.strftime("%d/%m/%Y")}
    if not spec.get("front_only"):
        f["expireDate"] = max(cats.values()).strftime("%d/%m/%Y")
        f["licenseCategories"] = ", ".join(f"{c} {d:%d/%m/%Y}" for c, d in sorted(cats.items()))
    f["transitAuthority"] = LONG_AUTH if spec.get("long_authority") else rng.choice(AUTH)
    f["age"] = fl.age_at(born)
    f["country"] = "Colombia"
    f["category"] = "DRIVER_LICENSE"
    x = dict(cats=cats, donor=rng.choice(["SI", "NO"]),
             restr={c: rng.choice(["NINGUNA", "NINGUNA", "LENTES"]) for c in cats},
             service={c: ("PÚBLICO" if c.startswith("C") else "PARTICULAR") for c in cats})
    return f, x


_UNACCENT = str.maketrans("ÁÉÍÓÚ", "AEIOU")


def side(spec, rng):
    """A blank licence side, plus the function that prints a label with or without its accents
    (spec `accents`, default on)."""
    c = fl.Canvas(rng, W, H, scale=S, bg=spec["bg"])
    A = (lambda t: t) if spec.get("accents", True) else (lambda t: t.translate(_UNACCENT))
    return c, A


def front(spec, f, x, rng):
    fam, fs = spec["font"], spec["size"]
    c, A = side(spec, rng)
    lab = 8.0 * fs * spec.get("label_size", 1.0)
    val = 11.5 * fs
    c.text(W / 2, 14, A("REPÚBLICA DE COLOMBIA"), fam, 14 * fs, True, anchor="ma")
    c.text(W / 2, 34, "MINISTERIO DE TRANSPORTE", fam, 10 * fs, anchor="ma")
    c.text(W / 2, 52, A("LICENCIA DE CONDUCCIÓN"), fam, 17 * fs, True, anchor="ma")
    c.photo((24, 100, 164, 290))
    X = 186
    xx = c.text(X, 92, "No.", fam, 12 * fs, True, label=True)
    c.text(xx + 10, 90, f["documentNumber"], fam, 15 * fs, True)
    if spec.get("scratch_number"):
        wdt = c.width(f["documentNumber"], fam, 15 * fs, True)
        for _ in range(4):
            c.strike(xx + 10 + rng.uniform(0, wdt), 88 + rng.uniform(0, 4), xx + 10 + rng.uniform(0, wdt),
                     106 + rng.uniform(0, 4), fill=60, width=1.3)
    c.text(X, 126, "APELLIDOS", fam, lab, label=True)
    c.text(X, 138, f["lastName"], fam, val, True)
    c.text(X, 162, "NOMBRES", fam, lab, label=True)
    c.text(X, 174, f["firstName"], fam, val, True)
    c.text(X, 202, "FECHA DE NACIMIENTO", fam, lab, label=True)
    c.text(X, 214, f["dateOfBirth"], fam, 10.5 * fs, True)
    gx = X + 160
    c.text(gx, 202, "G.S. RH", fam, lab, label=True)
    c.text(gx, 214, f["bloodType"], fam, 10.5 * fs, True)
    dx = gx + 80
    c.text(dx, 202, "DONANTE", fam, lab, label=True)
    c.text(dx, 214, x["donor"], fam, 10.5 * fs, True)
    c.text(X, 242, A("FECHA DE EXPEDICIÓN"), fam, lab, label=True)
    c.text(X, 254, f["expeditionDate"], fam, 10.5 * fs, True)
    c.text(X, 280, A("ORGANISMO DE TRÁNSITO"), fam, lab, label=True)
    auth = f["transitAuthority"]
    if spec.get("long_authority"):
        words = auth.split()
        c.text(X, 292, " ".join(words[:4]), fam, 10 * fs, True)
        c.text(X, 306, " ".join(words[4:]), fam, 10 * fs, True)
    else:
        c.text(X, 292, auth, fam, 10 * fs, True)
    c.scribble(470, 360, 120, 6)
    c.text(470, 384, "FIRMA DEL TITULAR", fam, lab, label=True)
    c.text(24, 410, "RUNT", fam, 12 * fs, True)
    if spec.get("stain"):
        c.stain(*spec["stain"])
    return c


def back(spec, f, x, rng):
    fam, fs = spec["font"], spec["size"]
    c, A = side(spec, rng)
    lab = 9.0 * fs * spec.get("label_size", 1.0)
    val = 11.0 * fs
    c.text(W / 2, 16, A("LICENCIA DE CONDUCCIÓN"), fam, 12 * fs, True, anchor="ma")
    cols = [40, 170, 330, 500]
    y = 50
    c.rect((30, y - 6, 690, y + 18), fill=215)
    for cx, head in zip(cols, [A("CATEGORÍA"), "VIGENCIA", A("SERVICIO"), "RESTRICCIONES"]):
        c.text(cx, y, head, fam, lab, True, label=True)
    y += 30
    for cat in sorted(x["cats"]):
        c.text(cols[0] + 20, y, cat, fam, val, True)
        c.text(cols[1], y, x["cats"][cat].strftime("%d/%m/%Y"), fam, val)
        c.text(cols[2], y, A(x["service"][cat]), fam, val * 0.95)
        c.text(cols[3], y, x["restr"][cat], fam, val * 0.95)
        c.rect((30, y + 20, 690, y + 20.6), fill=170)
        y += 28
    c.text(40, 250, "RESTRICCIONES DEL CONDUCTOR:", fam, lab, True, label=True)
    c.text(40, 264, "CONDUCIR CON LENTES" if "LENTES" in x["restr"].values() else "SIN RESTRICCIONES", fam, val * 0.9)
    c.barcode((40, 300, 520, 380))
    c.text(40, 400, A("Esta licencia es válida en todo el territorio nacional. Consulte en www.runt.gov.co"), fam, 8 * fs)
    return c


def write_doc(i, spec):
    """Render, degrade and OCR licence `i` (its own seeded RNG; back side unless front-only)
    and write its fixture files."""
    rng = random.Random(SEED * 100 + i)
    f, x = make_doc(rng, spec)
    sides = [front(spec, f, x, rng)]
    if not spec.get("front_only"):
        sides.append(back(spec, f, x, rng))
    imgs = [ff.finish(c, spec, rng, None, scale=S) for c in sides]
    printed = {}
    if spec.get("long_authority"):
        words = f["transitAuthority"].split()
        printed["transitAuthority"] = [" ".join(words[:4]), " ".join(words[4:])]
    if "licenseCategories" in f:
        printed["licenseCategories"] = [f"{c} {d:%d/%m/%Y}" for c, d in sorted(x["cats"].items())]
    values = [f["documentNumber"], f["lastName"], f["firstName"], f["dateOfBirth"], f["bloodType"],
              f["expeditionDate"], f["transitAuthority"], *printed.get("licenseCategories", [])]
    fl.write_fixture(OUT_DIR, f"tlcc-{i:02d}", "TLCC", imgs, ff.render_meta(spec, S), f, printed, values,
                     requires_back_side=bool(spec.get("front_only")), max_bytes=ff.MAX_PNG)


def main():
    fl.generate(OUT_DIR, "scripts/make_tlcc_fixtures.py", "TLCC OCR fixtures", DOCS, write_doc)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generate synthetic OCR fixtures for the Venezuelan RIF certificate (SENIAT, "Comprobante de
Registro de Información Fiscal").

What it does
    Renders 11 synthetic RIF comprobantes (fictional people and companies, fixed seeds) as letter
    pages at 150 dpi (1275x1650) with Pillow, OCRs each with the real Tesseract CLI
    (`tesseract IMG OUTBASE -l spa tsv`) and writes into Fixtures/RIFVE/:

        rifve-NN.png          the rendered certificate (16-grey palette PNG, <= 200 KB)
        rifve-NN.tsv          Tesseract's TSV output, byte for byte
        rifve-NN.truth.json   ground truth (flat output formats; `printed` holds as-printed forms)

    Layout from the descriptions in shared/reference/documents.md section 8 (no specimen was
    read): header REPÚBLICA BOLIVARIANA DE VENEZUELA / SENIAT, the title, RIF (letter + 8 digits +
    check digit, usually unseparated, sometimes as J-30123456-7), NOMBRE (people) or RAZÓN SOCIAL
    (companies), DOMICILIO FISCAL on one to three lines, FECHA DE INSCRIPCIÓN, FECHA DE ÚLTIMA
    ACTUALIZACIÓN, FECHA DE VENCIMIENTO (three years after the update), a withholding sentence,
    a control number, a barcode and a QR code. RIF check digits are correct (section 8.1).

How to run (from the repository root)
    python3 scripts/make_rifve_fixtures.py
"""

import datetime as dt
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixturelib as fl  # noqa: E402
import fixturelib_forms as ff  # noqa: E402

SEED = 20251103
OUT_DIR = os.path.join(fl.REPO_ROOT, "Fixtures", "RIFVE")

DOCS = [
    dict(font="DejaVuSans", size=1.0, blur=0.5, rot=0.3, bg="plain", noise=6, jpeg=80, letter="V",
         notes="baseline person (V); two-line domicilio fiscal"),
    dict(font="LiberationSans", size=1.0, blur=0.4, rot=-0.6, bg="gradient", noise=8, jpeg=75, letter="J",
         notes="company (J); RAZÓN SOCIAL; three-line domicilio fiscal"),
    dict(font="DejaVuSerif", size=0.95, blur=0.7, rot=0.9, bg="plain", noise=8, jpeg=70, letter="E", one_line=True,
         notes="foreign resident (E); domicilio on one line; serif font"),
    dict(font="LiberationSerif", size=1.0, blur=0.3, rot=-0.2, bg="watermark", noise=6, jpeg=80, letter="J",
         hyphen=True, notes="hard: RIF printed with separators (J-30123456-7); watermark"),
    dict(font="FreeSans", size=0.9, blur=1.3, rot=-1.3, bg="noise", noise=10, jpeg=60, letter="V",
         notes="hard: heavy blur + rotation -1.3 deg; labels expected to be garbled"),
    dict(font="LiberationSansNarrow", size=1.0, blur=0.5, rot=0.7, bg="plain", noise=8, jpeg=75, letter="G",
         notes="government body (G); long razón social"),
    dict(font="DejaVuSansCondensed", size=1.0, blur=0.6, rot=-0.8, bg="noise", noise=6, jpeg=78, letter="V",
         hyphen=True, notes="hard: RIF with separators (V-12345678-9); no accents on labels", accents=False),
    dict(font="LiberationSans", size=1.05, blur=0.5, rot=1.1, bg="plain", noise=8, jpeg=70, letter="J",
         one_line=True, stain_dates=True, notes="hard: dark stain over the registration / expiry dates"),
    dict(font="FreeSerif", size=1.0, blur=0.6, rot=0.4, bg="gradient", noise=8, jpeg=70, letter="V",
         scratch_rif=True, notes="hard: pen strokes over the RIF"),
    dict(font="DejaVuSans", size=0.95, blur=0.6, rot=1.7, bg="plain", noise=8, jpeg=70, letter="J",
         notes="rotation +1.7 deg; company"),
    dict(font="LiberationSansNarrow", size=1.0, blur=0.8, rot=-0.4, bg="plain", noise=8, jpeg=60, letter="V",
         out_scale=1.2, notes="hard: low resolution (1020x1320) + blur"),
]

GIVEN = ["JOSÉ", "LUIS", "CARLOS", "MARÍA", "ANA", "YELITZA", "GABRIELA", "RAFAEL", "JESÚS", "ANDREÍNA",
         "WILMER", "YUSMARY", "ORLANDO", "DANIELA", "FRANCISCO", "MILAGROS"]
SURN = ["GONZÁLEZ", "RODRÍGUEZ", "PÉREZ", "HERNÁNDEZ", "TOVAR", "RATTIA", "MEDINA", "CASTILLO",
        "BRICEÑO", "URDANETA", "COLMENARES", "SEQUERA", "PIÑANGO", "LANDAETA", "QUINTERO"]
FOREIGN_SURN = ["DA SILVA", "RODRIGUES", "FERREIRA", "MARTINEZ", "GARCIA", "ROSSI"]
COMPANIES = ["INVERSIONES LOS ANDES 2020, C.A.", "DISTRIBUIDORA EL LLANO, C.A.", "CONSTRUCTORA ORINOCO, S.A.",
             "SERVICIOS INTEGRALES CARABOBO, C.A.", "ALIMENTOS LA GUAIRA, C.A.", "TECNOLOGÍA ZULIANA, S.A."]
GOV = ["INSTITUTO AUTÓNOMO MUNICIPAL DE TRANSPORTE DE SUCRE", "GOBERNACIÓN DEL ESTADO LARA"]
STREETS = ["AV. FRANCISCO DE MIRANDA", "AV. BOLÍVAR", "CALLE LOS MANGOS", "AV. LAS DELICIAS", "CALLE PÁEZ",
           "AV. 5 DE JULIO", "CARRERA 19", "AV. UNIVERSIDAD"]
BLDG = ["EDIF. TORRE EUROPA PISO 5 OF. 5-A", "CASA NRO. 12", "LOCAL NRO. 3", "EDIF. RESIDENCIAS PARAÍSO PISO 2 APTO 2-B",
        "C.C. SAMBIL NIVEL AUTOPISTA LOCAL 14"]
PLACES = [("URB. CAMPO ALEGRE", "CARACAS (CHACAO)", "MIRANDA", "1060"),
          ("SECTOR LA VIÑA", "VALENCIA", "CARABOBO", "2001"),
          ("URB. EL PARAÍSO", "MARACAY", "ARAGUA", "2101"),
          ("SECTOR BELLA VISTA", "MARACAIBO", "ZULIA", "4001"),
          ("BARRIO OBRERO", "SAN CRISTÓBAL", "TÁCHIRA", "5001"),
          ("URB. LOS CARDONES", "BARQUISIMETO", "LARA", "3001")]
VALUES = {"V": 4, "E": 8, "J": 12, "P": 16, "G": 20}


def rif_check(letter, digits8):
    total = VALUES[letter] + sum(int(d) * w for d, w in zip(digits8, [3, 2, 7, 6, 5, 4, 3, 2]))
    return "00987654321"[total % 11]


def make_doc(rng, spec):
    letter = spec["letter"]
    if letter == "V":
        body = f"{rng.randint(5_000_000, 30_999_999):08d}"
    elif letter == "E":
        body = f"{rng.randint(81_000_000, 84_999_999):08d}"
    elif letter == "J":
        body = f"{rng.choice([rng.randint(29_000_000, 41_999_999), rng.randint(30_000_000, 31_999_999)]):08d}"
    else:
        body = f"{rng.randint(20_000_000, 20_019_999):08d}"
    check = rif_check(letter, body)
    rif = f"{letter}{body}{check}"
    f = {"documentNumber": rif}
    if letter in "VE":
        given = f"{rng.choice(GIVEN)} {rng.choice(GIVEN)}"
        sur = f"{rng.choice(FOREIGN_SURN if letter == 'E' else SURN)} {rng.choice(SURN)}"
        f["fullName"] = f"{given} {sur}"
    else:
        f["businessName"] = rng.choice(GOV if letter == "G" else COMPANIES)
    urb, city, state, zp = rng.choice(PLACES)
    street = f"{rng.choice(STREETS)} {rng.choice(BLDG)}"
    lines = [f"{street} {urb}", f"{city} {state} ZONA POSTAL {zp}"]
    if letter == "J" and not spec.get("one_line"):
        lines = [street, urb, f"{city} {state} ZONA POSTAL {zp}"]
    if spec.get("one_line"):
        lines = [f"{street} {urb} {city} {state}"]
    f["address"] = ", ".join(lines)
    reg = fl.rand_date(rng, dt.date(2004, 1, 1), dt.date(2021, 12, 31))
    upd = fl.rand_date(rng, max(reg, dt.date(2023, 1, 1)), dt.date(2025, 9, 30))
    try:
        exp = upd.replace(year=upd.year + 3)
    except ValueError:
        exp = upd.replace(year=upd.year + 3, day=28)
    f["registrationDate"] = reg.strftime("%d/%m/%Y")
    f["expireDate"] = exp.strftime("%d/%m/%Y")
    f["country"] = "Venezuela"
    f["category"] = "TAX"
    printed_rif = f"{letter}-{body}-{check}" if spec.get("hyphen") else rif
    x = dict(lines=lines, printed_rif=printed_rif, upd=upd.strftime("%d/%m/%Y"),
             control=str(rng.randint(10**9, 10**10 - 1)), pct=rng.choice(["75%", "100%"]),
             cert=f"{rng.randint(10**7, 10**8 - 1)}")
    return f, x


def render(spec, f, x, rng):
    fam = spec["font"]
    c = ff.page(rng, fam, spec["bg"])
    s = spec["size"]
    acc = spec.get("accents", True)
    A = (lambda t: t) if acc else (lambda t: t.translate(str.maketrans("ÁÉÍÓÚ", "AEIOU")))
    L, V = 11 * s, 12.5 * s
    X0, X1 = 60, 790
    t = lambda xx, yy, txt, px=V, b=False, lab=False, anchor="la": c.text(xx, yy, txt, fam, px, b, label=lab, anchor=anchor)

    t(425, 40, A("REPÚBLICA BOLIVARIANA DE VENEZUELA"), 13 * s, True, anchor="ma")
    t(425, 62, A("MINISTERIO DEL PODER POPULAR DE ECONOMÍA, FINANZAS Y COMERCIO EXTERIOR"), 9 * s, anchor="ma")
    t(X0, 90, "SENIAT", 30 * s, True)
    t(X0 + 200, 96, A("Servicio Nacional Integrado de Administración Aduanera y Tributaria"), 10 * s)
    c.rect((X0, 135, X1, 137), fill=60)
    t(425, 150, A("COMPROBANTE DE REGISTRO DE INFORMACIÓN FISCAL"), 15 * s, True, anchor="ma")
    t(425, 174, A("REGISTRO ÚNICO DE INFORMACIÓN FISCAL (RIF)"), 11 * s, anchor="ma")

    y = 220
    xx = t(X0, y, "RIF:", L, True, lab=True)
    t(xx + 14, y - 3, x["printed_rif"], 17 * s, True)
    if spec.get("scratch_rif"):
        ff.scratches(c, (xx + 14, y - 3, xx + 14 + c.width(x["printed_rif"], fam, 17 * s, True), y + 18), n=5, fill=70)
    t(X0 + 420, y, f"Nº DE CONTROL: {x['control']}", L)
    y += 40
    if "fullName" in f:
        xx = t(X0, y, "NOMBRE:", L, True, lab=True)
        t(xx + 12, y - 1, f["fullName"], V, True)
    else:
        xx = t(X0, y, A("RAZÓN SOCIAL:"), L, True, lab=True)
        t(xx + 12, y - 1, f["businessName"], V, True)
    y += 40
    t(X0, y, "DOMICILIO FISCAL:", L, True, lab=True)
    for k, line in enumerate(x["lines"]):
        t(X0, y + 20 + k * 19, line, V * 0.95)
    y += 20 + 19 * len(x["lines"]) + 30
    rows = [(A("FECHA DE INSCRIPCIÓN:"), f["registrationDate"]),
            (A("FECHA DE ÚLTIMA ACTUALIZACIÓN:"), x["upd"]),
            ("FECHA DE VENCIMIENTO:", f["expireDate"])]
    label_w = max(c.width(r[0], fam, L, True) for r in rows)
    for k, (lab, v) in enumerate(rows):
        t(X0, y + k * 26, lab, L, True, lab=True)
        t(X0 + label_w + 18, y + k * 26 - 1, v, V)
    if spec.get("stain_dates"):
        c.stain(X0 + label_w + 70, y + 14, 70, 26, 0.6)
    y += 3 * 26 + 30
    ff.frame(c, (X0, y, X1, y + 70), grey=130, width=1)
    t(X0 + 10, y + 10, A("CONDICIÓN:"), L, True, lab=True)
    t(X0 + 10, y + 30, A(f"El contribuyente está sujeto a retención del {x['pct']} del Impuesto al Valor Agregado (IVA)."), 10 * s)
    t(X0 + 10, y + 46, A("según Providencia Administrativa SNAT/2015/0049."), 10 * s)
    y += 100
    t(X0, y, A(f"Nº de Comprobante: {x['cert']}"), 10 * s)
    t(X0, y + 18, A("Este comprobante es válido por tres (3) años contados a partir de su última actualización."), 9.5 * s)
    c.barcode((X0, y + 60, X0 + 330, y + 110))
    c.qr((X1 - 130, y + 30, X1, y + 160))
    t(X0, y + 180, "Firma autorizada", 10 * s)
    c.scribble(X0 + 120, y + 180, 120, 6)
    t(425, 1040, "www.seniat.gob.ve", 10 * s, anchor="ma")
    return c


def write_doc(i, spec):
    """Render, degrade and OCR certificate `i` (its own seeded RNG) and write its fixture files."""
    rng = random.Random(SEED * 100 + i)
    f, x = make_doc(rng, spec)
    img = ff.finish(render(spec, f, x, rng), spec, rng, None)
    printed = {}
    if x["printed_rif"] != f["documentNumber"]:
        printed["documentNumber"] = x["printed_rif"]
    if len(x["lines"]) > 1:
        printed["address"] = x["lines"]
    # absent values (fullName of a company, businessName of a person) are skipped by the report
    values = [x["printed_rif"], f.get("fullName"), f.get("businessName"), *x["lines"],
              f["registrationDate"], f["expireDate"]]
    fl.write_fixture(OUT_DIR, f"rifve-{i:02d}", "RIFVE", [img], ff.render_meta(spec, ff.PAGE_SCALE), f,
                     printed, values, max_bytes=ff.MAX_PNG)


def main():
    fl.generate(OUT_DIR, "scripts/make_rifve_fixtures.py", "RIFVE OCR fixtures", DOCS, write_doc)


if __name__ == "__main__":
    main()

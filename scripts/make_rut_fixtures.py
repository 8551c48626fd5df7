#!/usr/bin/env python3
"""Generate synthetic OCR fixtures for the Colombian RUT (DIAN Formulario 001, hoja principal).

What it does
    Renders 11 synthetic RUT first pages (fictional taxpayers: people and companies; fixed seeds)
    as letter pages at 150 dpi (1275x1650) with Pillow, OCRs each with the real Tesseract CLI
    (`tesseract IMG OUTBASE -l spa tsv`) and writes into Fixtures/RUT/:

        rut-NN.png          the rendered page (16-grey palette PNG, <= 200 KB)
        rut-NN.tsv          Tesseract's TSV output, byte for byte
        rut-NN.truth.json   ground truth: what was printed (fields in the flat output formats;
                            `printed` holds as-printed forms that differ, e.g. the NIT line)

    On stderr it prints, per page, the printed values Tesseract did not read verbatim.

Layout (from the DIAN 001 form, see shared/reference/documents.md section 3): numbered
casillas, label on top of each cell and the value under it; the NIT one digit per box (casilla 5)
and the DV in its own box (casilla 6); 24 Tipo de contribuyente; 25-30 the identity document and
where it was issued (so a second "Departamento" / "Ciudad/Municipio" pair sits above the
address's 39/40); 31-34 surnames and names; 35 Razón social; 38-45 location; 46-53
classification; footer "Fecha generación documento PDF".

How to run (from the repository root)
    python3 scripts/make_rut_fixtures.py
Needs Pillow, the DejaVu / Liberation / FreeFont TTFs and tesseract with `spa`.
"""

import datetime as dt
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixturelib as fl  # noqa: E402
import fixturelib_forms as ff  # noqa: E402

SEED = 20251101
OUT_DIR = os.path.join(fl.REPO_ROOT, "Fixtures", "RUT")
NATURAL = "Persona natural o sucesión ilíquida"
JURIDICA = "Persona jurídica"

# Per-document plan; the data (names, numbers, dates) comes from each document's own RNG.
DOCS = [
    dict(font="DejaVuSans", size=1.0, blur=0.5, rot=0.3, bg="plain", noise=6, jpeg=80, kind="person",
         notes="baseline person; generation date dd/MM/yyyy"),
    dict(font="LiberationSans", size=1.0, blur=0.4, rot=-0.5, bg="gradient", noise=8, jpeg=75, kind="company",
         gen_fmt="iso", notes="company (S.A.S.); generation date yyyy-MM-dd with time"),
    dict(font="DejaVuSerif", size=0.95, blur=0.7, rot=0.8, bg="plain", noise=8, jpeg=70, kind="person",
         single_given=True, notes="person with no second given name (casilla 34 empty); serif font"),
    dict(font="LiberationSerif", size=1.0, blur=0.3, rot=-0.2, bg="watermark", noise=6, jpeg=80, kind="company",
         gen_fmt="iso", notes="company; DIAN watermark behind the form"),
    dict(font="FreeSans", size=0.9, label_size=0.85, blur=1.3, rot=-1.2, bg="noise", noise=12, jpeg=55,
         kind="person", notes="hard: heavy blur, labels x0.85 smaller -> garbled labels"),
    dict(font="LiberationSansNarrow", size=1.0, blur=0.5, rot=0.6, bg="plain", noise=8, jpeg=75, kind="company",
         long_address=True, notes="hard: long address wrapped onto two lines under casilla 41"),
    dict(font="DejaVuSansCondensed", size=1.0, blur=0.6, rot=-0.7, bg="noise", noise=6, jpeg=78, kind="person",
         gen_fmt="yy", notes="hard: generation date with a two-digit year (dd/MM/yy)"),
    dict(font="LiberationSans", size=1.05, blur=0.5, rot=1.0, bg="plain", noise=8, jpeg=70, kind="person",
         accented=True, notes="accented / Ñ surnames; expedition place differs from the address city"),
    dict(font="FreeSerif", size=1.0, blur=0.6, rot=0.4, bg="gradient", noise=9, jpeg=70, kind="company",
         stain_nit=True, notes="hard: dark stain over the NIT digit boxes and the DV"),
    dict(font="DejaVuSans", size=0.95, blur=0.6, rot=1.6, bg="plain", noise=8, jpeg=70, kind="person",
         scratch_address=True, notes="hard: rotation +1.6 deg; pen strokes over the address"),
    dict(font="LiberationSansNarrow", size=1.0, blur=0.8, rot=-0.4, bg="plain", noise=8, jpeg=60, kind="company",
         out_scale=1.2, notes="hard: low resolution (1020x1320, ~120 dpi) + blur"),
]

PLACES = [("Antioquia", "05", "Medellín", "001"), ("Bogotá D.C.", "11", "Bogotá D.C.", "001"),
          ("Valle del Cauca", "76", "Cali", "001"), ("Atlántico", "08", "Barranquilla", "001"),
          ("Santander", "68", "Bucaramanga", "001"), ("Bolívar", "13", "Cartagena", "001"),
          ("Cundinamarca", "25", "Chía", "175"), ("Risaralda", "66", "Pereira", "001"),
          ("Caldas", "17", "Manizales", "001"), ("Norte de Santander", "54", "Cúcuta", "001"),
          ("Boyacá", "15", "Tunja", "001"), ("Meta", "50", "Villavicencio", "001")]
SURNAMES = ["GARCIA", "RODRIGUEZ", "MARTINEZ", "LOPEZ", "GONZALEZ", "HERNANDEZ", "SANCHEZ", "RAMIREZ",
            "TORRES", "DIAZ", "MORENO", "ROJAS", "VARGAS", "JIMENEZ", "OSPINA", "CASTAÑO", "RESTREPO",
            "CARDONA", "ARANGO", "GOMEZ", "QUINTERO", "BETANCUR", "ZULUAGA", "MEJIA"]
ACCENTED = ["MUÑOZ", "PEÑA", "NÚÑEZ", "ÁLVAREZ", "GÓMEZ", "BELTRÁN", "RAMÍREZ", "IBÁÑEZ"]
GIVEN = ["JUAN", "CARLOS", "ANDRES", "FELIPE", "DIANA", "CAROLINA", "LUIS", "FERNANDO", "MARIA",
         "PAULA", "ALEJANDRA", "SANTIAGO", "CAMILO", "NATALIA", "JORGE", "ESTEBAN", "LINA", "MARCELA"]
COMPANIES = ["INVERSIONES EL ROBLE", "SOLUCIONES ANDINAS", "COMERCIALIZADORA DEL CARIBE",
             "TRANSPORTES LA SABANA", "AGROINDUSTRIAL SAN JORGE", "CONSTRUCTORA MONTEVERDE",
             "DISTRIBUIDORA PACIFICO", "TECNOLOGIA Y SERVICIOS CAFETEROS"]
SUFFIX = ["S.A.S.", "S.A.", "LTDA", "S.A.S"]
STREETS = ["CL", "CR", "AV", "DG", "TV", "AK"]


def nit_dv(number):
    """DIAN check digit: weights 3,7,13,... from the rightmost digit; r = sum mod 11."""
    weights = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71]
    s = sum(int(d) * w for d, w in zip(reversed(number), weights)) % 11
    return str(s if s < 2 else 11 - s)


def address(rng, long=False):
    a = f"{rng.choice(STREETS)} {rng.randint(2, 150)}"
    if rng.random() < 0.4:
        a += f" {rng.choice('ABC')}"
    if rng.random() < 0.3:
        a += " SUR"
    a += f" {rng.randint(2, 99)} {rng.randint(2, 99)}"
    if long:
        a += f" BRR {rng.choice(['EL POBLADO', 'CHAPINERO ALTO', 'CIUDAD JARDIN'])} TORRE {rng.randint(1, 6)} AP {rng.randint(101, 1204)}"
    elif rng.random() < 0.5:
        a += f" AP {rng.randint(101, 1204)}"
    return a


def make_doc(rng, spec):
    f = {}
    dep, dep_code, city, city_code = rng.choice(PLACES)
    person = spec["kind"] == "person"
    if person:
        cedula = str(rng.choice([rng.randint(10_000_000, 99_999_999), rng.randint(1_000_000_000, 1_099_999_999)]))
        nit = cedula
        s1, s2 = rng.sample(ACCENTED if spec.get("accented") else SURNAMES, 2)
        g1, g2 = rng.sample(GIVEN, 2)
        if spec.get("single_given"):
            g2 = ""
    else:
        nit = str(rng.choice([rng.randint(800_000_000, 830_999_999), rng.randint(900_000_000, 901_899_999)]))
        business = f"{rng.choice(COMPANIES)} {rng.choice(SUFFIX)}"
    dv = nit_dv(nit)
    gen = fl.rand_date(rng, dt.date(2024, 1, 10), dt.date(2025, 10, 15))
    gen_time = f"{rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    fmt = spec.get("gen_fmt", "dmy")
    gen_printed = {"dmy": gen.strftime("%d/%m/%Y"), "iso": gen.strftime("%Y-%m-%d") + " " + gen_time,
                   "yy": gen.strftime("%d/%m/%y")}[fmt]
    f["documentNumber"] = nit
    f["checkDigit"] = dv
    if person:
        f["lastName"] = f"{s1} {s2}"
        f["firstName"] = f"{g1} {g2}".strip()
        f["fullName"] = f"{f['firstName']} {f['lastName']}"
        # The four name casillas as printed (31-34): the rule reads them one by one and joins them.
        f["firstSurname"], f["secondSurname"], f["firstGivenName"] = s1, s2, g1
        if g2:
            f["otherGivenNames"] = g2
    else:
        f["businessName"] = business
    f["address"] = address(rng, spec.get("long_address"))
    f["city"] = city
    f["department"] = dep
    f["generationDate"] = gen.strftime("%d/%m/%Y")
    f["taxpayerType"] = NATURAL if person else JURIDICA
    f["country"] = "Colombia"
    f["category"] = "TAX"
    extra = dict(dep_code=dep_code, city_code=city_code, gen_printed=gen_printed,
                 names=(s1, s2, g1, g2) if person else None, person=person,
                 exp_place=rng.choice(PLACES) if spec.get("accented") else (dep, dep_code, city, city_code),
                 exp_date=fl.rand_date(rng, dt.date(1985, 1, 1), dt.date(2015, 12, 31)),
                 form_no=f"14{rng.randint(100_000_000, 999_999_999)}",
                 email=(f"{(g1 if person else business.split()[0]).lower()}.{rng.randint(10, 99)}@correo.com.co"),
                 postal=f"{dep_code}{rng.randint(1000, 9999)}", phone=f"3{rng.randint(100_000_000, 229_999_999)}",
                 ciiu=rng.choice(["4711", "6201", "4923", "4111", "0115", "7020", "5611", "4659"]),
                 act_date=fl.rand_date(rng, dt.date(2005, 1, 1), dt.date(2023, 12, 31)),
                 resp=sorted(rng.sample(["05", "07", "09", "14", "42", "48", "49", "52", "11"], 4)))
    return f, extra


def render(spec, f, x, rng):
    fam = spec["font"]
    c = ff.page(rng, fam, spec["bg"])
    s = spec["size"]
    L = 9.5 * s * spec.get("label_size", 1.0)   # label size (units)
    V = 12.0 * s                                 # value size
    lab = lambda xx, yy, t: c.text(xx, yy, t, fam, L, label=True)
    val = lambda xx, yy, t, px=V, b=False: c.text(xx, yy, t, fam, px, b)
    X0, X1 = 40, 810

    def casillas(y, *labels, h=46):
        """A framed row of form cells: the frame, then each (dx, label) along its top edge."""
        ff.frame(c, (X0, y - 4, X1, y + h))
        for dx, t in labels:
            lab(X0 + dx, y, t)

    # header
    c.rect((X0, 30, X1, 100), outline=120, width=1)
    c.text(X0 + 12, 45, "DIAN", fam, 26 * s, True)
    c.text(X0 + 140, 42, "Formulario del Registro Único Tributario", fam, 15 * s, True)
    c.text(X0 + 140, 66, "Hoja Principal", fam, 12 * s)
    c.text(X1 - 60, 48, "001", fam, 24 * s, True)
    lab(X0 + 4, 108, "2. Concepto")
    val(X0 + 80, 106, "0 2  Actualización", V * 0.9)
    lab(X0 + 420, 108, "4. Número de formulario")
    val(X0 + 560, 106, x["form_no"], V * 0.9)

    # NIT boxes (casilla 5) and DV (casilla 6)
    y = 136
    casillas(y, (4, "5. Número de Identificación Tributaria (NIT)"),
             (330, "6. DV"),
             (400, "12. Dirección seccional"), h=52)
    nit = f["documentNumber"]
    cells = nit.rjust(15) if False else nit
    ff.digit_boxes(c, X0 + 8, y + 18, cells, 19, V, h=24)
    ff.digit_boxes(c, X0 + 334, y + 18, f["checkDigit"], 19, V, h=24)
    sec = {"Bogotá D.C.": "Impuestos de Bogotá", "Antioquia": "Impuestos de Medellín",
           "Valle del Cauca": "Impuestos de Cali"}.get(f["department"], "Impuestos y Aduanas de " + f["city"])
    val(X0 + 404, y + 22, sec, V * 0.9)
    if spec.get("stain_nit"):
        c.stain(X0 + 150, y + 30, 120, 18, 0.55)

    # IDENTIFICACIÓN
    y = 200
    ff.band(c, X0, X1, y, 18, "IDENTIFICACIÓN", 10 * s)
    y += 26
    casillas(y, (4, "24. Tipo de contribuyente"),
             (300, "25. Tipo de documento"),
             (480, "26. Número de Identificación"),
             (660, "27. Fecha expedición"))
    person = x["person"]
    val(X0 + 8, y + 20, f["taxpayerType"])
    ff.digit_boxes(c, X0 + 262, y + 18, "2" if person else "1", 16, V * 0.9, h=22)
    if person:
        val(X0 + 304, y + 20, "Cédula de Ciudadanía", V * 0.9)
        ff.digit_boxes(c, X0 + 450, y + 18, "13", 14, V * 0.9, h=22)
        val(X0 + 484, y + 20, nit)
        val(X0 + 664, y + 20, x["exp_date"].strftime("%Y%m%d"))
    y += 58
    casillas(y, (4, "Lugar de expedición"),
             (160, "28. País"),
             (330, "29. Departamento"),
             (560, "30. Ciudad/Municipio"))
    if person:
        edep, edc, ecity, ecc = x["exp_place"]
        val(X0 + 164, y + 20, "COLOMBIA  169", V * 0.9)
        val(X0 + 334, y + 20, f"{edep}  {edc}", V * 0.9)
        val(X0 + 564, y + 20, f"{ecity}  {ecc}", V * 0.9)
    y += 58
    casillas(y, (4, "31. Primer apellido"),
             (196, "32. Segundo apellido"),
             (392, "33. Primer nombre"),
             (588, "34. Otros nombres"))
    if person:
        s1, s2, g1, g2 = x["names"]
        val(X0 + 8, y + 20, s1)
        val(X0 + 200, y + 20, s2)
        val(X0 + 396, y + 20, g1)
        if g2:
            val(X0 + 592, y + 20, g2)
    y += 58
    casillas(y, (4, "35. Razón social"))
    if not person:
        val(X0 + 8, y + 20, f["businessName"])
    y += 58
    casillas(y, (4, "36. Nombre comercial"), (560, "37. Sigla"))
    if not person:
        val(X0 + 8, y + 20, f["businessName"].split(" S.A")[0].split(" LTDA")[0], V * 0.9)

    # UBICACIÓN
    y += 60
    ff.band(c, X0, X1, y, 18, "UBICACIÓN", 10 * s)
    y += 26
    casillas(y, (4, "38. País"), (230, "39. Departamento"), (520, "40. Ciudad/Municipio"))
    val(X0 + 8, y + 20, "COLOMBIA")
    ff.digit_boxes(c, X0 + 150, y + 18, "169", 16, V * 0.9, h=22)
    val(X0 + 234, y + 20, f["department"])
    ff.digit_boxes(c, X0 + 470, y + 18, x["dep_code"], 16, V * 0.9, h=22)
    val(X0 + 524, y + 20, f["city"])
    ff.digit_boxes(c, X0 + 720, y + 18, x["city_code"], 16, V * 0.9, h=22)
    y += 58
    casillas(y, (4, "41. Dirección principal"), h=66 if spec.get("long_address") else 46)
    addr = f["address"]
    if spec.get("long_address"):
        words = addr.split()
        cut = len(words) // 2 + 1
        val(X0 + 8, y + 20, " ".join(words[:cut]))
        val(X0 + 8, y + 40, " ".join(words[cut:]))
        y += 20
    else:
        val(X0 + 8, y + 20, addr)
    if spec.get("scratch_address"):
        ff.scratches(c, (X0 + 8, y + 18, X0 + 8 + c.width(addr, fam, V), y + 36), n=4, fill=60)
    y += 58
    casillas(y, (4, "42. Correo electrónico"),
             (330, "43. Código postal"),
             (470, "44. Teléfono 1"),
             (640, "45. Teléfono 2"))
    val(X0 + 8, y + 20, x["email"], V * 0.9)
    val(X0 + 334, y + 20, x["postal"], V * 0.9)
    val(X0 + 474, y + 20, x["phone"], V * 0.9)

    # CLASIFICACIÓN
    y += 60
    ff.band(c, X0, X1, y, 18, "CLASIFICACIÓN", 10 * s)
    y += 26
    casillas(y, (4, "Actividad principal 46. Código"),
             (200, "47. Fecha inicio actividad"),
             (420, "48. Código"),
             (560, "52. Número establecimientos"))
    ff.digit_boxes(c, X0 + 8, y + 18, x["ciiu"], 16, V * 0.9, h=22)
    ff.digit_boxes(c, X0 + 204, y + 18, x["act_date"].strftime("%Y%m%d"), 16, V * 0.9, h=22)
    ff.digit_boxes(c, X0 + 564, y + 18, "1", 16, V * 0.9, h=22)
    y += 58
    casillas(y, (4, "Responsabilidades, Calidades y Atributos  53. Código"))
    xx = X0 + 8
    for code in x["resp"]:
        xx = ff.digit_boxes(c, xx, y + 18, code, 16, V * 0.9, h=22) + 10

    # footer
    y += 80
    c.text(X0, y, "Sin perjuicio de las verificaciones que la DIAN realice.", fam, 10 * s)
    c.text(X0, y + 18, "Firma del solicitante:", fam, 10 * s)
    c.scribble(X0 + 160, y + 30, 120, 6)
    c.text(X0 + 430, y + 18, "Firma autorizada:", fam, 10 * s)
    c.scribble(X0 + 560, y + 30, 100, 5)
    y += 70
    lab(X0 + 4, y, "Fecha generación documento PDF:")
    c.text(X0 + 4 + c.width("Fecha generación documento PDF:", fam, L) + 10, y - 1, x["gen_printed"], fam, V * 0.95)
    c.text(X1 - 120, y, "Página 1 de 3", fam, 10 * s)
    c.barcode((X0, y + 30, X0 + 260, y + 60))
    return c


def write_doc(i, spec):
    """Render, degrade and OCR page `i` (its own seeded RNG) and write its fixture files."""
    rng = random.Random(SEED * 100 + i)
    f, x = make_doc(rng, spec)
    img = ff.finish(render(spec, f, x, rng), spec, rng, None)
    printed = {"documentNumber": " ".join(f["documentNumber"]), "generationDate": x["gen_printed"]}
    if spec.get("long_address"):
        printed["address"] = "two lines: " + " / ".join(
            [" ".join(f["address"].split()[:len(f["address"].split()) // 2 + 1]),
             " ".join(f["address"].split()[len(f["address"].split()) // 2 + 1:])])
    # absent values (names of a company, businessName of a person) are skipped by the report
    values = [f["documentNumber"], f["checkDigit"], f.get("lastName"), f.get("firstName"), f.get("businessName"),
              f["address"], f["city"], f["department"], x["gen_printed"], f["taxpayerType"]]
    fl.write_fixture(OUT_DIR, f"rut-{i:02d}", "RUT", [img], ff.render_meta(spec, ff.PAGE_SCALE), f,
                     printed, values, max_bytes=ff.MAX_PNG)


def main():
    fl.generate(OUT_DIR, "scripts/make_rut_fixtures.py", "RUT OCR fixtures", DOCS, write_doc)


if __name__ == "__main__":
    main()

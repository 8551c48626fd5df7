#!/usr/bin/env python3
"""Generate synthetic OCR fixtures for ENSA (Elektra Noreste, S.A., Panama) electricity bills.

What it does
    Renders 11 synthetic ENSA bills (fictional customers, fixed seeds) as letter pages at
    150 dpi (1275x1650) with Pillow, OCRs each with the real Tesseract CLI
    (`tesseract IMG OUTBASE -l spa tsv`) and writes into Fixtures/ENSAPA/:

        ensapa-NN.png          the rendered bill (16-grey palette PNG, <= 200 KB)
        ensapa-NN.tsv          Tesseract's TSV output, byte for byte
        ensapa-NN.truth.json   ground truth (flat output formats; `printed` holds as-printed forms)

    No public specimen of the ENSA bill was found (shared/reference/documents.md section 5), so
    the layout uses generic Panamanian utility-bill vocabulary: NIC, Nombre, Dirección de
    suministro (street / corregimiento / district, province on separate lines), Fecha de emisión,
    Fecha de vencimiento or Pagar antes de, Período de facturación, meter readings and kWh, a
    charges table, Total a pagar B/. or $, and a detachable payment stub that repeats the NIC,
    the total and the due date.

How to run (from the repository root)
    python3 scripts/make_ensapa_fixtures.py
"""

import datetime as dt
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixturelib as fl  # noqa: E402
import fixturelib_forms as ff  # noqa: E402

SEED = 20251102
OUT_DIR = os.path.join(fl.REPO_ROOT, "Fixtures", "ENSAPA")

DOCS = [
    dict(font="DejaVuSans", size=1.0, blur=0.5, rot=0.3, bg="plain", noise=6, jpeg=80,
         notes="baseline; three-line service address; B/. amount"),
    dict(font="LiberationSans", size=1.0, blur=0.4, rot=-0.6, bg="gradient", noise=8, jpeg=75, currency="$",
         due_label="Pagar antes de", notes="'Pagar antes de' due-date label; $ amount"),
    dict(font="DejaVuSerif", size=0.95, blur=0.7, rot=0.9, bg="plain", noise=8, jpeg=70, one_line=True,
         notes="service address printed on one line (comma separated); serif font"),
    dict(font="LiberationSerif", size=1.0, blur=0.3, rot=-0.2, bg="watermark", noise=6, jpeg=80,
         nic_label="No. de Cliente", notes="client number labelled 'No. de Cliente' (no NIC label); watermark"),
    dict(font="FreeSans", size=0.9, blur=1.3, rot=-1.3, bg="noise", noise=10, jpeg=60,
         notes="hard: heavy blur + rotation -1.3 deg; labels expected to be garbled"),
    dict(font="LiberationSansNarrow", size=1.0, blur=0.5, rot=0.7, bg="plain", noise=8, jpeg=75,
         period_words=True, notes="hard: billing period printed as 'Del 01/08/2025 al 31/08/2025'"),
    dict(font="DejaVuSansCondensed", size=1.0, blur=0.6, rot=-0.8, bg="noise", noise=6, jpeg=78,
         due_yy=True, notes="hard: due date with a two-digit year (dd/MM/yy)"),
    dict(font="LiberationSans", size=1.05, blur=0.5, rot=1.1, bg="plain", noise=8, jpeg=70, big_amount=True,
         notes="hard: commercial-size amount with a thousands comma (B/. 1,234.56)"),
    dict(font="FreeSerif", size=1.0, blur=0.6, rot=0.4, bg="gradient", noise=8, jpeg=70, stain_total=True,
         notes="hard: dark stain over the total in the summary box (the stub repeats it)"),
    dict(font="DejaVuSans", size=0.95, blur=0.6, rot=1.7, bg="plain", noise=8, jpeg=70, month_dates=True,
         scratch_name=True, notes="hard: dates as dd-MMM-yyyy (05-SEP-2025); pen strokes over the name; rotation +1.7"),
    dict(font="LiberationSansNarrow", size=1.0, blur=0.8, rot=-0.4, bg="plain", noise=8, jpeg=60,
         out_scale=1.2, notes="hard: low resolution (1020x1320) + blur"),
]

GIVEN = ["JOSÉ", "LUIS", "CARLOS", "ANA", "MARÍA", "ITZEL", "YARIELIS", "EDWIN", "RICARDO", "GLORIA",
         "ARIEL", "KATHERINE", "MIGUEL", "ROSA", "DAYANA", "ABDIEL", "YESENIA", "RUBÉN"]
SURN = ["GONZÁLEZ", "RODRÍGUEZ", "PÉREZ", "SÁNCHEZ", "BARRÍA", "CHEN", "CASTILLO", "MORALES",
        "DE LEÓN", "HERRERA", "VERGARA", "SAMANIEGO", "QUINTERO", "BATISTA", "CEDEÑO", "PINZÓN", "ARAÚZ"]
PLACES = [("JUAN DÍAZ", "PANAMÁ", "PANAMÁ"), ("PEDREGAL", "PANAMÁ", "PANAMÁ"), ("TOCUMEN", "PANAMÁ", "PANAMÁ"),
          ("PACORA", "PANAMÁ", "PANAMÁ"), ("24 DE DICIEMBRE", "PANAMÁ", "PANAMÁ"),
          ("JOSÉ DOMINGO ESPINAR", "SAN MIGUELITO", "PANAMÁ"), ("BELISARIO PORRAS", "SAN MIGUELITO", "PANAMÁ"),
          ("CRISTÓBAL", "COLÓN", "COLÓN"), ("SABANITAS", "COLÓN", "COLÓN"), ("CHEPO", "CHEPO", "PANAMÁ"),
          ("LAS CUMBRES", "PANAMÁ", "PANAMÁ")]
URB = ["URB. VILLA LUCRE", "BARRIADA LA PRADERA", "URB. COSTA DEL ESTE", "RESIDENCIAL LOS PINOS",
       "BDA. NUEVO TOCUMEN", "URB. SAN ANTONIO", "PH ALTOS DEL CAMPO"]
MONTHS = ["ENE", "FEB", "MAR", "ABR", "MAY", "JUN", "JUL", "AGO", "SEP", "OCT", "NOV", "DIC"]


def make_doc(rng, spec):
    f = {}
    nic = str(rng.randint(1_000_000, 9_999_999))
    name = f"{rng.choice(GIVEN)} {rng.choice(SURN)} {rng.choice(SURN)}"
    corr, dist, prov = rng.choice(PLACES)
    street = f"{rng.choice(URB)}, CALLE {rng.randint(1, 40)}, CASA {rng.randint(1, 250)}{rng.choice(['', 'A', 'B'])}"
    lines = [street, f"CORREGIMIENTO DE {corr}", f"DISTRITO DE {dist}, {prov}"]
    if spec.get("one_line"):
        lines = [f"{street}, {corr}, {dist}"]
    month = rng.randint(3, 9)
    start = dt.date(2025, month, 1)
    end = (dt.date(2025, month + 1, 1) - dt.timedelta(days=1))
    issue = end + dt.timedelta(days=rng.randint(3, 8))
    due = issue + dt.timedelta(days=rng.choice([20, 25, 30]))
    amount = rng.uniform(1000, 2500) if spec.get("big_amount") else rng.uniform(18, 240)
    amount = round(amount, 2)
    kwh = int(amount / 0.21) if not spec.get("big_amount") else int(amount / 0.19)
    prev = rng.randint(10_000, 80_000)
    f["documentNumber"] = nic
    f["fullName"] = name
    f["address"] = ", ".join(lines)
    f["expeditionDate"] = fl.fmt_date(issue) if hasattr(fl, "fmt_date") else issue.strftime("%d/%m/%Y")
    f["expeditionDate"] = issue.strftime("%d/%m/%Y")
    f["expireDate"] = due.strftime("%d/%m/%Y")
    f["billingPeriod"] = f"{start:%d/%m/%Y} - {end:%d/%m/%Y}"
    f["amountDue"] = f"{amount:.2f}"
    f["country"] = "Panama"
    f["category"] = "UTILITY_BILL"

    def show(d, yy=False):
        if spec.get("month_dates"):
            return f"{d.day:02d}-{MONTHS[d.month - 1]}-{d.year}"
        return d.strftime("%d/%m/%y" if yy else "%d/%m/%Y")

    cur = spec.get("currency", "B/.")
    amount_txt = f"{amount:,.2f}"
    x = dict(lines=lines, issue_p=show(issue), due_p=show(due, spec.get("due_yy")),
             period_p=(f"Del {start:%d/%m/%Y} al {end:%d/%m/%Y}" if spec.get("period_words")
                       else f"{show(start)} - {show(end)}"),
             total_p=(f"{cur} {amount_txt}" if cur == "B/." else f"${amount_txt}"),
             meter=str(rng.randint(10_000_000, 99_999_999)), prev=prev, cur_read=prev + kwh, kwh=kwh,
             tarifa=rng.choice(["BTS 1", "BTS 2", "BTSH", "BTD"]), ruta=f"{rng.randint(1, 99):02d}-{rng.randint(100, 999)}",
             factura=str(rng.randint(100_000_000, 999_999_999)), amount=amount, start=start, end=end)
    return f, x


def render(spec, f, x, rng):
    fam = spec["font"]
    c = ff.page(rng, fam, spec["bg"])
    s = spec["size"]
    L, V = 10.5 * s, 12.0 * s
    X0, X1 = 45, 805
    t = lambda xx, yy, txt, px=V, b=False, lab=False, anchor="la": c.text(xx, yy, txt, fam, px, b, label=lab, anchor=anchor)

    # header
    t(X0, 34, "ENSA", 34 * s, True)
    t(X0 + 2, 76, "Elektra Noreste, S.A.", 11 * s)
    t(X0 + 2, 92, "RUC 2376-118-35468 DV 60", 9 * s)
    t(X0 + 250, 40, "FACTURA DE ELECTRICIDAD", 17 * s, True)
    t(X0 + 250, 64, "Línea de atención 800-3672 · www.ensa.com.pa", 9.5 * s)
    ff.frame(c, (X0 + 520, 100, X1, 230), grey=120, width=1)
    nic_label = spec.get("nic_label", "NIC:")
    xx = t(X0 + 530, 110, nic_label, L, True, lab=True)
    t(xx + 10, 108, f["documentNumber"], 14 * s, True)
    t(X0 + 530, 136, "No. de factura:", L, lab=True)
    t(X0 + 640, 136, x["factura"], L)
    xx = t(X0 + 530, 158, "Fecha de emisión:", L, lab=True)
    t(xx + 8, 157, x["issue_p"], V)
    due_label = spec.get("due_label", "Fecha de vencimiento:")
    xx = t(X0 + 530, 180, due_label + ("" if due_label.endswith(":") else ":"), L, True, lab=True)
    t(xx + 8, 179, x["due_p"], V, True)
    t(X0 + 530, 204, "Tarifa:", L, lab=True)
    t(X0 + 590, 204, x["tarifa"], L)

    # customer block
    y = 110
    xx = t(X0, y, "Nombre:", L, True, lab=True)
    t(xx + 10, y - 1, f["fullName"], V, True)
    if spec.get("scratch_name"):
        ff.scratches(c, (xx + 10, y, xx + 10 + c.width(f["fullName"], fam, V, True), y + 14), n=4, fill=80)
    y += 28
    xx = t(X0, y, "Dirección de suministro:", L, True, lab=True)
    lines = x["lines"]
    if len(lines) == 1:
        t(X0, y + 20, lines[0], V * 0.95)
    else:
        for k, line in enumerate(lines):
            t(X0, y + 20 + k * 19, line, V * 0.95)
    y = 250
    xx = t(X0, y, "Período de facturación:", L, True, lab=True)
    t(xx + 10, y - 1, x["period_p"], V)
    t(X0 + 430, y, f"Ruta / Lectura: {x['ruta']}", L * 0.95)

    # readings
    y = 290
    ff.band(c, X0, X1, y, 20, "DETALLE DE CONSUMO", 11 * s)
    y += 30
    cols = [X0, X0 + 130, X0 + 280, X0 + 430, X0 + 580]
    for cx, head in zip(cols, ["Medidor", "Lectura anterior", "Lectura actual", "Consumo kWh", "Días"]):
        t(cx, y, head, L, True, lab=True)
    days = (x["end"] - x["start"]).days + 1
    for cx, v in zip(cols, [x["meter"], f"{x['prev']:,}", f"{x['cur_read']:,}", str(x["kwh"]), str(days)]):
        t(cx, y + 22, v, V)
    # consumption history bars
    y += 60
    t(X0, y, "Historial de consumo (kWh)", L, lab=True)
    for k in range(6):
        h = rng.randint(20, 70)
        c.rect((X0 + 20 + k * 45, y + 100 - h, X0 + 45 + k * 45, y + 100), fill=150)
        t(X0 + 20 + k * 45, y + 104, MONTHS[(x["start"].month - 6 + k) % 12], 8 * s)

    # charges
    y = 320 + 200
    ff.band(c, X0, X1, y, 20, "DETALLE DE CARGOS", 11 * s)
    y += 30
    amount = x["amount"]
    parts = [("Cargo fijo", 3.41), ("Energía", None), ("Distribución", round(amount * 0.18, 2)),
             ("Alumbrado público", round(amount * 0.03, 2)), ("Tasa ASEP", round(amount * 0.01, 2)),
             ("Subsidio / FET", -round(amount * 0.02, 2))]
    known = sum(v for _, v in parts if v is not None)
    parts[1] = ("Energía", round(amount - known, 2))
    for k, (label, v) in enumerate(parts):
        t(X0, y + k * 20, label, V * 0.95)
        t(X0 + 360, y + k * 20, f"{v:,.2f}", V * 0.95, anchor="ra")
    y += len(parts) * 20 + 10
    t(X0, y, "Saldo anterior", V * 0.95)
    t(X0 + 360, y, "0.00", V * 0.95, anchor="ra")
    # summary box
    ff.frame(c, (X0 + 450, 560, X1, 660), grey=100, width=1.2)
    xx = t(X0 + 465, 580, "Total a pagar", 13 * s, True)
    t(xx + 14, 578, x["total_p"], 16 * s, True)
    t(X0 + 465, 620, "Pague a tiempo y evite recargos.", 9.5 * s)
    if spec.get("stain_total"):
        c.stain(X0 + 640, 592, 110, 22, 0.6)

    # notes
    y = 720
    t(X0, y, "Los saldos con más de 30 días desde la fecha de emisión generan intereses.", 9.5 * s)
    t(X0, y + 16, "Regulado por la Autoridad Nacional de los Servicios Públicos (ASEP).", 9.5 * s)

    # payment stub
    y = 800
    for k in range(0, 760, 14):
        c.rect((X0 + k, y, X0 + k + 7, y + 0.8), fill=110)
    t(X0, y + 12, "TALÓN DE PAGO - ENSA", 12 * s, True)
    t(X0, y + 40, "NIC", L, lab=True)
    t(X0 + 60, y + 38, f["documentNumber"], V)
    t(X0 + 220, y + 40, "Vence", L, lab=True)
    t(X0 + 280, y + 38, x["due_p"], V)
    t(X0 + 440, y + 40, "Total", L, lab=True)
    t(X0 + 500, y + 38, x["total_p"], V, True)
    c.barcode((X0, y + 80, X0 + 380, y + 130))
    t(X0, y + 140, "".join(rng.choice("0123456789") for _ in range(30)), 9 * s)
    return c


def write_doc(i, spec):
    """Render, degrade and OCR bill `i` (its own seeded RNG) and write its fixture files."""
    rng = random.Random(SEED * 100 + i)
    f, x = make_doc(rng, spec)
    img = ff.finish(render(spec, f, x, rng), spec, rng, None)
    printed = {"address": x["lines"], "expeditionDate": x["issue_p"], "expireDate": x["due_p"],
               "billingPeriod": x["period_p"], "amountDue": x["total_p"]}
    printed = {k: v for k, v in printed.items() if v != f.get(k)}
    values = [f["documentNumber"], f["fullName"], *x["lines"], x["issue_p"], x["due_p"], x["period_p"], x["total_p"]]
    fl.write_fixture(OUT_DIR, f"ensapa-{i:02d}", "ENSAPA", [img], ff.render_meta(spec, ff.PAGE_SCALE), f,
                     printed, values, max_bytes=ff.MAX_PNG)


def main():
    fl.generate(OUT_DIR, "scripts/make_ensapa_fixtures.py", "ENSAPA OCR fixtures", DOCS, write_doc)


if __name__ == "__main__":
    main()

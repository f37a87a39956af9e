/**
 * HOLDOUT corpus: real-world column headers and cell wording the reader was never tuned on.
 * Data only. Written from sources the main corpus (headers.ts / phrases.ts) did not use:
 * AIAG PPAP element lists and interim-approval notes, AS9102 Rev C FAIR forms, AS9145 APQP,
 * medical-device design transfer (DHF / DMR, IQ / OQ / PQ), consumer-electronics NPI stage
 * gates (EVT / DVT / PVT / SOP), German AutoCAD Mechanical BOM captions and VDA Band 2 (PPF),
 * quote cost-breakdown sheets, ERP item-vendor masters and supplier scorecards.
 * No header or phrase here repeats one in headers.ts / phrases.ts (case-insensitive,
 * punctuation ignored). Expected readings are an experienced manufacturing / procurement
 * engineer's, independent of src/.
 *
 * Left out on purpose (an engineer could read them two ways): "Lieferant" / "Vendor" style
 * bare name columns, "Zeichnungsstand" (often a revision index or a date), "Build Type",
 * "Appearance" (CAD colour), "Post-Processing", "Heat Treatment", "Average Monthly Qty",
 * "Delivery Rate (week)", "Total Cost per Part", "Last Purchase Price", "Std. Cost",
 * "Supplier Score", "Dimensional Results", "Customer Engineering Approval"; cells such as
 * "3 x 50", "10 (EVT) + 40 (DVT)", "5.000 Stk", "Approved for prototypes only",
 * "Colour sample pending approval", "Target only, no quote", "None" under Finish.
 */
import type { HeaderCase, IgnoredHeaderCase } from "./headers";
import type { PhraseCase } from "./phrases";

// ---- sources ---------------------------------------------------------------------------
const PPAP_LIST =
  "AIAG PPAP 4th ed. element list (Design Records, Engineering Change Documents, DFMEA, PFMEA, Control Plan, MSA, Dimensional Results, Material/Performance Tests, Initial Process Studies, AAR, PSW) — scribd 'List of PPAP docs', q-directive PPAP Level 3 checklist";
const PSW =
  "PPAP Part Submission Warrant fields (Submission Level, IMDS, Part Weight, Production Rate, Reason for Submission) — q-directive PPAP Level 3 checklist";
const PPAP_INTERIM =
  "ppapmanager.com 'What to know about an interim PPAP approval' (Rejected / Approved / Interim Approved; deviation or concession with an expiry)";
const AS9102 =
  "AS9102 Rev C FAIR Form 1 (Full / Partial FAI, 'Reason for Full / Partial FAI', Part Type, FAI complete / not complete) — connect981.com FAI triggers, paradygm AS9102C training";
const AS9145 = "AS9145 APQP / PPAP for aerospace (RGBSI aerospace blog; connect981 glossary: key characteristics, capability studies, control plans)";
const MED =
  "Medical-device design transfer checklist (21 CFR 820.30(h), ISO 13485 7.3.8: design outputs released into the DMR, DHF; fdaguidelines.com, rookqs.com, avanti-europe.ch)";
const IQOQPQ =
  "Medical-device process validation IQ / OQ / PQ (orielstat.com 'Overview of medical device process validation', vosfoxmedical.com validation steps)";
const NPI_GATES =
  "Consumer-electronics NPI stage gates EVT / DVT / PVT / SOP (handbook.dannie.cc 'NPI stage gates': exit criteria, 'Conditional Approvals', Target Price vs Estimated BOM Cost)";
const EVT_SIGNOFF = "EVT sign-off template (aabpp.com 'Engineering Verification Test (EVT) Sign-off Template')";
const NPI_INIT =
  "manifest.ly 'NPI Project Initiation Checklist' / 'Project Execution Checklist' (EAU, peak weekly volume, program life, CTQ / KPC dimensions, approved-vendor flag, target SOP date, PPAP level)";
const BLACKORBIT =
  "blackorbit.ai NPI checklist (design release package 'Released — not in process, not almost final'; DFM review logged; supplier capability study)";
const ACAD_DE =
  "AutoCAD Mechanical German BOM captions (Pos., Anz., Benennung, Werkstoff, Lieferant, Preis = Stückpreis, Masse, Norm, Anmerkung) — help.autodesk.com DEU";
const DE_BOM = "German / English mixed BOM or Stückliste header (Sachnummer, Zeichnungsnummer, Menge, Stückzahl, Jahresbedarf, Oberfläche)";
const VDA =
  "VDA Band 2 PPF (Produktionsprozess- und Produktfreigabe, Erstmusterprüfung, PPF-Muster; VDA 6.3 Potenzialanalyse) — keytodata.com glossary, marhelgroup.de Q-Wiki";
const MERLIN =
  "Quote cost breakdown (Merlin Sourcing 'Quote Cost Break Down': Material Cost / Part, In Process Scrap %, Labour Cost, Burden Cost, Machine Cycle Time, Parts per Cycle)";
const SJM = "Stamping cost breakdown sheet (scribd SJM Flex / TNM: Packaging Charge, Transportation Charges, Amortize Cost, Scrap Recovery, Profit)";
const LANDMARK =
  "Automotive cost-breakdown worksheet (landmark-autoparts.com: Volume Quoted (Year), Model Life (Year), Sample Lead Time, Sample Min Ship Qty, Setup Cost, Design Cost, Validation Cost)";
const CNC_QUOTE = "CNC quote line items (ekinsun.com 'How to read a CNC quote': Unit price, Setup / NRE, Incoterm, Payment terms, MOQ)";
const GP = "Microsoft Dynamics GP ItemVendor (Minimum / Maximum / Economic Order Quantity, Order Multiple, Average Lead Time, Number of Receipts)";
const BC = "Dynamics 365 Business Central 'Item Vendor' table (Vendor Item No., Lead Time Calculation)";
const SAGE = "Sage X3 / SDMO itemSupplier (supplierPriority, minimumPurchaseQuantity, purchaseLeadTime)";
const ORDERTIME = "Order Time BOM Component object (Quantity Per, Std. Cost, UOM Conversion Rate)";
const SAP_AGILE = "Oracle Agile PLM → SAP BOM map (Change Number AENNR, POSNR)";
const SCORECARD = "Supplier scorecard (porelay.com glossary, handbook.dannie.cc 8.1: OTD %, DPPM, NCR / SCAR counts, AVL, probation)";
const CONTROL_PLAN = "AIAG control plan columns (characteristic, specification, evaluation / measurement technique, sample size, frequency)";
const QUOTE_SHEET = "Supplier quotation / RFQ response sheet (price breaks, currency, budgetary vs firm quote)";
const EXP = "Typical in-house BOM / NPI tracker wording (engineering experience)";

// ---- headers ---------------------------------------------------------------------------
export const HOLDOUT_HEADERS: readonly HeaderCase[] = [
  // design
  { header: "Design Record Status", criterion: "design", source: PPAP_LIST },
  { header: "Print Status", criterion: "design", source: "US shop usage 'print' = drawing (AS9102 / PPAP 'latest released print')" },
  { header: "Print Released?", criterion: "design", source: EXP },
  { header: "Engineering Drawing Status", criterion: "design", source: BLACKORBIT },
  { header: "Drawing Maturity", criterion: "design", source: EXP },
  { header: "CAD Model Released", criterion: "design", source: BLACKORBIT },
  { header: "Design Output Released", criterion: "design", source: MED },
  { header: "Design Freeze Achieved?", criterion: "design", source: NPI_INIT },
  { header: "Zeichnungsfreigabe", criterion: "design", source: DE_BOM },
  { header: "Zeichnung freigegeben", criterion: "design", source: DE_BOM },

  // function
  { header: "EVT Result", criterion: "function", source: NPI_GATES },
  { header: "EVT Sign-off", criterion: "function", source: EVT_SIGNOFF },
  { header: "DVT Result", criterion: "function", source: NPI_GATES },
  { header: "Design Verification Status", criterion: "function", source: MED },
  { header: "Design Validation Status", criterion: "function", source: MED },
  { header: "Works-like Prototype Verified", criterion: "function", source: "Works-like / looks-like prototypes (consumer-electronics NPI)" },
  { header: "Prototype Evaluation", criterion: "function", source: EXP },
  { header: "Fit Test", criterion: "function", source: EXP },
  { header: "Function Check", criterion: "function", source: EXP },
  { header: "Funktionsprüfung", criterion: "function", source: DE_BOM },

  // material
  { header: "Werkstoff", criterion: "material", source: ACAD_DE },
  { header: "Raw Material", criterion: "material", source: MERLIN },
  { header: "Stock Material", criterion: "material", source: EXP },
  { header: "Material Callout", criterion: "material", source: EXP },
  { header: "Material / Alloy", criterion: "material", source: EXP },
  { header: "Alloy / Temper", criterion: "material", source: EXP },
  { header: "Resin Grade", criterion: "material", source: "Injection-moulded part BOM (resin grade column)" },
  { header: "Material Freeze", criterion: "material", source: NPI_GATES },
  { header: "Material Finalised?", criterion: "material", source: EXP },
  { header: "Werkstoff freigegeben", criterion: "material", source: DE_BOM },

  // finish
  { header: "Oberfläche", criterion: "finish", source: DE_BOM },
  { header: "Oberflächenbehandlung", criterion: "finish", source: DE_BOM },
  { header: "Finish Callout", criterion: "finish", source: EXP },
  { header: "Plating / Finish", criterion: "finish", source: EXP },
  { header: "Anodize Spec", criterion: "finish", source: EXP },
  { header: "Surface Protection", criterion: "finish", source: EXP },
  { header: "Corrosion Protection", criterion: "finish", source: "Automotive drawing note (zinc-nickel / e-coat corrosion protection class)" },
  { header: "Finish Freeze", criterion: "finish", source: NPI_GATES },
  { header: "AAR Status", criterion: "finish", source: PPAP_LIST + " — Appearance Approval Report (colour, gloss, texture)" },
  { header: "Cosmetic Approval", criterion: "finish", source: NPI_GATES },

  // tolerances
  { header: "GD&T Reviewed", criterion: "tolerances", source: BLACKORBIT },
  { header: "Tolerance Study", criterion: "tolerances", source: EXP },
  { header: "Tolerance Stack Review", criterion: "tolerances", source: EXP },
  { header: "Tol. Stack Done?", criterion: "tolerances", source: EXP },
  { header: "CTQ Dimensions Defined", criterion: "tolerances", source: NPI_INIT },
  { header: "Key Characteristics Identified", criterion: "tolerances", source: AS9145 },
  { header: "Dimensioning & Tolerancing Review", criterion: "tolerances", source: EXP },
  { header: "Toleranzen geprüft", criterion: "tolerances", source: DE_BOM },

  // dfm
  { header: "DFM Feedback", criterion: "dfm", source: NPI_INIT },
  { header: "DFM Report Status", criterion: "dfm", source: NPI_GATES },
  { header: "DFM Closed?", criterion: "dfm", source: EXP },
  { header: "DFx Review", criterion: "dfm", source: "NPI development stage 'DFX issues' (nagas1.com NPI process)" },
  { header: "Producibility Review", criterion: "dfm", source: AS9145 },
  { header: "Manufacturability Assessment", criterion: "dfm", source: EXP },
  { header: "Moldflow / DFM", criterion: "dfm", source: BLACKORBIT },

  // pilot
  { header: "PVT Result", criterion: "pilot", source: NPI_GATES },
  { header: "PVT Build Status", criterion: "pilot", source: NPI_GATES },
  { header: "Pre-Production Run", criterion: "pilot", source: EXP },
  { header: "PPAP Run Status", criterion: "pilot", source: PSW + " — significant production run" },
  { header: "PQ Status", criterion: "pilot", source: IQOQPQ },
  { header: "Pilot Lot Result", criterion: "pilot", source: NPI_INIT },
  { header: "Pilot Lot Validated?", criterion: "pilot", source: EXP },
  { header: "Trial Production", criterion: "pilot", source: EXP },

  // demand
  { header: "Demand Certainty", criterion: "demand", source: EXP },
  { header: "Firm / Forecast", criterion: "demand", source: "Customer schedule: firm vs forecast releases (StockIQ / blanket order practice)" },
  { header: "Call-off Agreement", criterion: "demand", source: EXP },
  { header: "Repeat Business?", criterion: "demand", source: EXP },
  { header: "Recurring Order (Y/N)", criterion: "demand", source: EXP },
  { header: "Demand Visibility", criterion: "demand", source: EXP },
  { header: "Demand Profile", criterion: "demand", source: EXP },
  { header: "Order Type (one-off / repeat)", criterion: "demand", source: EXP },

  // supplier
  { header: "Approved Vendor Flag", criterion: "supplier", source: NPI_INIT },
  { header: "AVL Approved?", criterion: "supplier", source: SCORECARD },
  { header: "Supplier Status (ASL)", criterion: "supplier", source: SCORECARD },
  { header: "Source Qualified", criterion: "supplier", source: EXP },
  { header: "Qualified Source?", criterion: "supplier", source: EXP },
  { header: "Vendor Capability", criterion: "supplier", source: EXP },
  { header: "Supplier Assessment", criterion: "supplier", source: SCORECARD },
  { header: "Potential Analysis (VDA 6.3)", criterion: "supplier", source: VDA },
  { header: "Lieferantenfreigabe", criterion: "supplier", source: VDA },

  // inspection
  { header: "Prüfplan", criterion: "inspection", source: VDA },
  { header: "Erstmusterprüfung", criterion: "inspection", source: VDA },
  { header: "FAIR Approved?", criterion: "inspection", source: AS9102 },
  { header: "AS9102 FAI", criterion: "inspection", source: AS9102 },
  { header: "Outgoing Inspection Plan", criterion: "inspection", source: EXP },
  { header: "Receiving Inspection Plan", criterion: "inspection", source: EXP },
  { header: "Quality Control Plan", criterion: "inspection", source: EXP },
  { header: "Pre-Launch Control Plan", criterion: "inspection", source: PPAP_LIST },
  { header: "Inspection Criteria Defined?", criterion: "inspection", source: EXP },

  // cost
  { header: "Stückpreis", criterion: "cost", source: ACAD_DE },
  { header: "Einzelpreis", criterion: "cost", source: DE_BOM },
  { header: "Zielpreis", criterion: "cost", source: DE_BOM },
  { header: "Preis", criterion: "cost", source: ACAD_DE + " ('Preis: Stückpreis des Teils')" },
  { header: "Price Each", criterion: "cost", source: QUOTE_SHEET },
  { header: "Price @ Volume", criterion: "cost", source: QUOTE_SHEET },
  { header: "Cost per Part", criterion: "cost", source: CNC_QUOTE },
  { header: "Award Price", criterion: "cost", source: QUOTE_SHEET },
  { header: "Quote Received?", criterion: "cost", source: EXP },
  { header: "Price Status", criterion: "cost", source: EXP },

  // goal
  { header: "Reason for Order", criterion: "goal", source: EXP },
  { header: "Order Reason", criterion: "goal", source: EXP },
  { header: "Parts Required For", criterion: "goal", source: EXP },
  { header: "Purpose of Request", criterion: "goal", source: "Quote request form (what the parts are for)" },
  { header: "Purpose of Samples", criterion: "goal", source: EXP },
  { header: "Intended Purpose", criterion: "goal", source: MED },
  { header: "Build Goal", criterion: "goal", source: NPI_GATES },
  { header: "Verwendungszweck", criterion: "goal", source: DE_BOM },

  // quantity
  { header: "Anz.", criterion: "quantity", source: ACAD_DE },
  { header: "Menge", criterion: "quantity", source: SAP_AGILE + " ('Menge: Quantity')" },
  { header: "Stückzahl", criterion: "quantity", source: DE_BOM },
  { header: "Bestellmenge", criterion: "quantity", source: DE_BOM },
  { header: "Build Qty", criterion: "quantity", source: NPI_GATES },
  { header: "Build Quantity", criterion: "quantity", source: NPI_GATES },
  { header: "No. of Pieces", criterion: "quantity", source: EXP },
  { header: "Pcs Required", criterion: "quantity", source: EXP },
  { header: "Quantity Requested", criterion: "quantity", source: EXP },
  { header: "RFQ Qty", criterion: "quantity", source: QUOTE_SHEET },
  { header: "Prototype Qty", criterion: "quantity", source: EXP },

  // annual_volume
  { header: "Volume Quoted (Year)", criterion: "annual_volume", source: LANDMARK },
  { header: "Expected Annual Usage", criterion: "annual_volume", source: NPI_INIT },
  { header: "EAU (Estimated Annual Usage)", criterion: "annual_volume", source: NPI_INIT },
  { header: "Jahresbedarf", criterion: "annual_volume", source: DE_BOM },
  { header: "Jahresmenge", criterion: "annual_volume", source: DE_BOM },
  { header: "Volume p.a.", criterion: "annual_volume", source: QUOTE_SHEET },
  { header: "Annual Consumption", criterion: "annual_volume", source: EXP },
  { header: "Yearly Demand", criterion: "annual_volume", source: EXP },
  { header: "Annual Requirements (pcs)", criterion: "annual_volume", source: QUOTE_SHEET },
  { header: "Volume/Year (pcs)", criterion: "annual_volume", source: QUOTE_SHEET },
  { header: "Forecasted Yearly Volume", criterion: "annual_volume", source: EXP },
];

// ---- ignored headers -------------------------------------------------------------------
export const HOLDOUT_IGNORED: readonly IgnoredHeaderCase[] = [
  // identity, names, notes (German captions)
  { header: "Pos.", source: ACAD_DE, why: "BOM position number." },
  { header: "Benennung", source: ACAD_DE, why: "The part's name." },
  { header: "Sachnummer", source: DE_BOM, why: "Part number: an identifier." },
  { header: "Zeichnungsnummer", source: DE_BOM, why: "Drawing number: an identifier, not the drawing's status." },
  { header: "Norm", source: ACAD_DE, why: "The standard a part is made to (e.g. DIN 912): a reference, not a status." },
  { header: "Anmerkung", source: ACAD_DE, why: "Free-text note." },
  { header: "Masse", source: ACAD_DE, why: "Mass: a physical value." },
  { header: "Bearbeiter", source: DE_BOM, why: "A person (who edited the item)." },
  { header: "Lieferzeit", source: DE_BOM, why: "Lead time: a duration." },
  { header: "Lagerbestand", source: DE_BOM, why: "Stock on hand, not the quantity needed." },
  { header: "Währung", source: DE_BOM, why: "Currency code, not a price." },
  // PPAP / AS9102 / APQP form fields that are not statuses
  { header: "Submission Level", source: PSW, why: "PPAP submission level 1–5: a number that is neither a status nor a quantity." },
  { header: "PPAP Level", source: NPI_INIT, why: "PPAP submission level, not a readiness status." },
  { header: "IMDS Number", source: PSW, why: "An identifier." },
  { header: "Part Weight (kg)", source: PSW, why: "A physical value." },
  { header: "Reason for Submission", source: PSW, why: "Why the PPAP is submitted (new part, engineering change): a reason, not a status." },
  { header: "Production Rate (pcs/hr)", source: PSW, why: "Hourly rate of the PPAP run: capacity, not the annual usage." },
  { header: "Reason for Full / Partial FAI", source: AS9102, why: "The FAI trigger (new part, design change, lapse): a reason, not the inspection status." },
  { header: "Part Type", source: AS9102, why: "Detail part / sub-assembly / COTS: a classification." },
  { header: "FAI Report Number", source: AS9102, why: "An identifier." },
  { header: "Baseline Part Number", source: AS9102, why: "An identifier." },
  { header: "Peak Weekly Volume", source: NPI_INIT, why: "A weekly peak for capacity planning, not the annual usage." },
  { header: "Program Life (years)", source: NPI_INIT, why: "A duration in years, not a volume." },
  { header: "Target SOP Date", source: NPI_INIT, why: "A date, not the order's purpose." },
  { header: "Change Number", source: SAP_AGILE, why: "A change-order identifier." },
  { header: "ECO #", source: EXP, why: "A change-order identifier." },
  { header: "Rev Date", source: EXP, why: "A date." },
  { header: "Checked By", source: EXP, why: "A person." },
  { header: "Eng. Approval Date", source: EXP, why: "A date, not the design status." },
  // control plan / MSA / capability values
  { header: "Sample Size", source: CONTROL_PLAN, why: "Control-plan sample size (e.g. 5): not an order quantity." },
  { header: "Sample Frequency", source: CONTROL_PLAN, why: "Control-plan frequency (e.g. 1/hr): a parameter, not whether the plan exists." },
  {
    header: "Inspection Level",
    source: "ANSI Z1.4 / ISO 2859 general inspection level (I, II, III)",
    why: "A sampling level, not the inspection plan's status.",
  },
  { header: "Gauge R&R %", source: PPAP_LIST + " — MSA", why: "A measurement-system result (e.g. 12%), not a fraction of readiness." },
  { header: "Cpk", source: PPAP_LIST + " — Initial Process Studies", why: "A capability index value (e.g. 1.67), not a status." },
  { header: "Surface Roughness Ra (µm)", source: EXP, why: "A specification value (e.g. 0.8), not whether the finish is confirmed." },
  { header: "Hardness (HRC)", source: EXP, why: "A specification value." },
  { header: "Material Thickness (mm)", source: EXP, why: "A dimension, not the material's status." },
  {
    header: "Material Cert Type",
    source: "Material certificate requirement (EN 10204 2.2 / 3.1)",
    why: "The certificate required, not whether the material is confirmed.",
  },
  { header: "Cavities", source: EXP, why: "Number of mould cavities, not an order quantity." },
  { header: "Tool Life (shots)", source: EXP, why: "A tooling parameter." },
  // cost breakdown lines that are not the piece price
  { header: "Material Cost / Part", source: MERLIN, why: "The raw-material share of cost, not the piece price or the material's status." },
  { header: "Labour Cost", source: MERLIN, why: "A share of the cost build-up." },
  { header: "Burden Cost", source: MERLIN, why: "Overhead share of the cost build-up." },
  { header: "In Process Scrap %", source: MERLIN, why: "A scrap allowance percentage, not a fraction of readiness." },
  { header: "Machine Cycle Time in Mins", source: MERLIN, why: "A duration." },
  { header: "Parts per Cycle", source: MERLIN, why: "A process parameter, not an order quantity." },
  { header: "Parts / End Item", source: MERLIN, why: "Usage per end item, not an order quantity." },
  { header: "Combined Labour Rate per Min", source: MERLIN, why: "A labour rate." },
  { header: "Packaging Charge", source: SJM, why: "A cost line, not the piece price." },
  { header: "Transportation Charges", source: SJM, why: "Logistics cost, not the piece price." },
  { header: "Amortize Cost", source: SJM, why: "Tooling amortisation share, not the piece price." },
  { header: "Scrap Recovery", source: SJM, why: "A credit in the cost build-up." },
  { header: "Setup Cost", source: LANDMARK, why: "One-time cost, not the piece price." },
  { header: "Design Cost", source: LANDMARK, why: "One-time cost, not the design status." },
  { header: "Validation Cost", source: LANDMARK, why: "One-time cost, not a validation status." },
  { header: "Sample Lead Time", source: LANDMARK, why: "A duration." },
  { header: "Sample Min Ship Qty", source: LANDMARK, why: "The supplier's minimum sample shipment, not the quantity needed." },
  { header: "Production Lead Time From Approval", source: LANDMARK, why: "A duration." },
  { header: "Model Life (Year)", source: LANDMARK, why: "Programme life in years, not a volume." },
  { header: "Quotation Due Date", source: LANDMARK, why: "A date." },
  { header: "Setup / NRE", source: CNC_QUOTE, why: "One-time cost, not the piece price." },
  { header: "Incoterm", source: CNC_QUOTE, why: "A delivery term (EXW / FOB / DDP)." },
  { header: "Payment Terms", source: CNC_QUOTE, why: "A commercial term." },
  { header: "Price Break Qty", source: QUOTE_SHEET, why: "A quantity tier of the quote, not how many parts are needed." },
  // ERP item-vendor / BOM usage fields
  { header: "Economic Order Quantity", source: GP, why: "A planning parameter, not the quantity needed." },
  { header: "Maximum Order Quantity", source: GP, why: "A supplier / planning limit." },
  { header: "Order Multiple", source: GP, why: "A packaging multiple." },
  { header: "Average Lead Time", source: GP, why: "A duration." },
  { header: "Number of Receipts", source: GP, why: "A count of past receipts." },
  { header: "Vendor Item No.", source: BC, why: "An identifier." },
  { header: "Lead Time Calculation", source: BC, why: "A date formula (e.g. 2W)." },
  { header: "Supplier Priority", source: SAGE, why: "A ranking number among suppliers, not their capability." },
  { header: "Purchase Lead Time", source: SAGE, why: "A duration." },
  { header: "Quantity Per", source: ORDERTIME, why: "BOM usage per parent, not an order quantity." },
  { header: "UOM Conversion Rate", source: ORDERTIME, why: "A unit conversion factor." },
  { header: "Qty/Assy", source: EXP, why: "BOM usage per assembly, not an order quantity." },
  // supplier performance metrics (not qualification status)
  { header: "OTD %", source: SCORECARD, why: "On-time delivery percentage: a performance metric, not a qualification status." },
  { header: "DPPM", source: SCORECARD, why: "Defective parts per million: a metric, not a status." },
  { header: "NCR Count", source: SCORECARD, why: "A count of non-conformance reports." },
  { header: "Mfg Location", source: LANDMARK, why: "A place." },
  { header: "Heat / Lot No.", source: EXP, why: "A traceability identifier." },
  { header: "Customer Drawing Rev", source: EXP, why: "A revision letter, not a status." },
];

// ---- phrases ---------------------------------------------------------------------------
export const HOLDOUT_PHRASES: readonly PhraseCase[] = [
  // ===================== design =====================
  { criterion: "design", text: "Released - Rev D (ECN-2291)", expect: "met", source: BLACKORBIT },
  {
    criterion: "design",
    text: "Released per ECO 00412, rev C",
    expect: "met",
    source: "Engineering change order released (PPAP 'Authorized Engineering Change Documents')",
  },
  { criterion: "design", text: "Rev B - released to manufacturing", expect: "met", source: MED },
  { criterion: "design", text: "Released (DMR)", expect: "met", source: MED },
  { criterion: "design", text: "Frozen at DVT exit", expect: "met", source: NPI_GATES },
  { criterion: "design", text: "Design frozen 12-Mar-2024", expect: "met", source: NPI_INIT },
  { criterion: "design", text: "Drawing approved & released", expect: "met", source: PPAP_LIST },
  { criterion: "design", text: "Freigegeben", header: "Zeichnungsfreigabe", expect: "met", source: DE_BOM },
  { criterion: "design", text: "Yes (rev B)", header: "Print Released?", expect: "met", source: EXP },
  { criterion: "design", text: "Released, minor ECN pending", expect: "partial", source: EXP },
  { criterion: "design", text: "Stable, awaiting final sign-off", expect: "partial", source: BLACKORBIT },
  { criterion: "design", text: "Frozen except cosmetic details", expect: "partial", source: NPI_GATES },
  { criterion: "design", text: "Released with open deviation", expect: "partial", source: PPAP_INTERIM },
  { criterion: "design", text: "Design still changing", expect: "not-met", source: EXP },
  { criterion: "design", text: "Under revision (ECR-118 open)", expect: "not-met", source: EXP },
  { criterion: "design", text: "Rev C draft", expect: "not-met", source: EXP },
  { criterion: "design", text: "Not yet frozen - DVT pending", expect: "not-met", source: NPI_GATES },
  { criterion: "design", text: "Concept only", expect: "not-met", source: EXP },
  { criterion: "design", text: "WIP - layout phase", expect: "not-met", source: EXP },
  { criterion: "design", text: "Unfrozen for ECR-204", expect: "not-met", source: EXP },
  { criterion: "design", text: "In Arbeit", header: "Zeichnungsfreigabe", expect: "not-met", source: DE_BOM },
  { criterion: "design", text: "No (draft)", header: "Print Released?", expect: "not-met", source: EXP },
  { criterion: "design", text: "Rev 03", expect: "unknown", source: "A revision index says which revision, not whether it is released" },
  { criterion: "design", text: "Rev. E (2023-11-02)", expect: "unknown", source: "A revision letter with a date, no status" },

  // ===================== function =====================
  { criterion: "function", text: "Passed - DVP&R complete", expect: "met", source: "DVP&R summary (design verification plan & report)" },
  { criterion: "function", text: "EVT passed", expect: "met", source: EVT_SIGNOFF },
  { criterion: "function", text: "Verified on EVT units (5/5 pass)", expect: "met", source: NPI_GATES },
  { criterion: "function", text: "Fit & function OK", expect: "met", source: EXP },
  { criterion: "function", text: "Function confirmed on P2 prototype", expect: "met", source: EXP },
  { criterion: "function", text: "Functional test OK (TR-0458)", expect: "met", source: EXP },
  { criterion: "function", text: "i.O.", header: "Funktionsprüfung", expect: "met", source: "German test sheets: i.O. = in Ordnung (OK)" },
  { criterion: "function", text: "Pass (with concession)", expect: "partial", source: PPAP_INTERIM },
  { criterion: "function", text: "Fit OK; function test ongoing", expect: "partial", source: EXP },
  { criterion: "function", text: "3 of 5 tests passed", expect: "partial", source: "DVP&R progress" },
  { criterion: "function", text: "Partially verified - thermal test open", expect: "partial", source: "DVP&R progress" },
  { criterion: "function", text: "Conditional - retest required", expect: "partial", source: NPI_GATES },
  { criterion: "function", text: "Testing underway", expect: "partial", source: EXP },
  { criterion: "function", text: "Failed drop test", expect: "not-met", source: NPI_GATES },
  { criterion: "function", text: "Not yet verified", expect: "not-met", source: EXP },
  { criterion: "function", text: "Test not started", expect: "not-met", source: EXP },
  { criterion: "function", text: "Unverified", expect: "not-met", source: EXP },
  { criterion: "function", text: "No prototypes built yet", expect: "not-met", source: EXP },
  { criterion: "function", text: "Awaiting test parts", expect: "not-met", source: EXP },
  { criterion: "function", text: "n.i.O.", header: "Funktionsprüfung", expect: "not-met", source: "German test sheets: n.i.O. = nicht in Ordnung (not OK)" },
  { criterion: "function", text: "EVT failed - redesign", expect: "not-met", source: EVT_SIGNOFF },
  { criterion: "function", text: "See DVP&R", expect: "unknown", source: "Free-text reference, no status" },

  // ===================== material (status columns) =====================
  { criterion: "material", text: "Material frozen", expect: "met", source: NPI_GATES },
  { criterion: "material", text: "Confirmed per customer spec", expect: "met", source: EXP },
  { criterion: "material", text: "Locked - 316L per drawing", expect: "met", source: EXP },
  { criterion: "material", text: "Final: PA6 GF30", expect: "met", source: EXP },
  { criterion: "material", text: "Candidate - awaiting supplier data", expect: "partial", source: EXP },
  { criterion: "material", text: "Shortlisted: 6082-T6 / 6061-T6", expect: "partial", source: EXP },
  { criterion: "material", text: "Provisionally approved", expect: "partial", source: PPAP_INTERIM },
  { criterion: "material", text: "Still open", expect: "not-met", source: EXP },
  { criterion: "material", text: "Not selected", expect: "not-met", source: EXP },
  { criterion: "material", text: "Material not yet chosen", expect: "not-met", source: EXP },
  // bare Material / Werkstoff columns holding a name: specified, not confirmed
  { criterion: "material", text: "AlMgSi1 (EN AW-6082)", header: "Material", expect: "partial", source: DE_BOM },
  {
    criterion: "material",
    text: "1.4404",
    header: "Material",
    expect: "partial",
    source: "German material number (Werkstoffnummer) for 316L: a name, not a fraction",
  },
  { criterion: "material", text: "Ti-6Al-4V Grade 5", header: "Material", expect: "partial", source: EXP },
  { criterion: "material", text: "PEEK 450G", header: "Material", expect: "partial", source: EXP },
  { criterion: "material", text: "C45E", header: "Material", expect: "partial", source: DE_BOM },
  { criterion: "material", text: "Delrin 150 (POM-H)", header: "Material", expect: "partial", source: EXP },
  { criterion: "material", text: "42CrMo4 +QT", header: "Material", expect: "partial", source: DE_BOM },
  { criterion: "material", text: "Inconel 718", header: "Material", expect: "partial", source: AS9145 },
  { criterion: "material", text: "AISI 304 / 1.4301", header: "Material", expect: "partial", source: DE_BOM },
  { criterion: "material", text: "X5CrNi18-10", header: "Werkstoff", expect: "partial", source: ACAD_DE },
  { criterion: "material", text: "7075-T651 (frozen)", header: "Material", expect: "met", source: "Status phrase under a bare Material header" },
  { criterion: "material", text: "Not specified yet", header: "Material", expect: "not-met", source: "Status phrase under a bare Material header" },
  { criterion: "material", text: "Grade not chosen", header: "Material", expect: "not-met", source: "Status phrase under a bare Material header" },
  { criterion: "material", text: "N/A - bought-out part", header: "Material", expect: "unknown", source: "Not applicable: no reading" },

  // ===================== finish (status columns) =====================
  { criterion: "finish", text: "Finish confirmed by customer", expect: "met", source: EXP },
  { criterion: "finish", text: "Locked (Type II black)", expect: "met", source: EXP },
  { criterion: "finish", text: "Approved - AAR signed", expect: "met", source: PPAP_LIST },
  { criterion: "finish", text: "Final - clear chromate", expect: "met", source: EXP },
  { criterion: "finish", text: "Candidate: Zn-Ni vs. e-coat", expect: "partial", source: EXP },
  { criterion: "finish", text: "Provisionally accepted", expect: "partial", source: PPAP_INTERIM },
  { criterion: "finish", text: "Not defined yet", expect: "not-met", source: EXP },
  { criterion: "finish", text: "Open - pending DFM", expect: "not-met", source: EXP },
  { criterion: "finish", text: "Rejected by customer (gloss)", expect: "not-met", source: PPAP_LIST + " — AAR rejected" },
  { criterion: "finish", text: "Salt spray test failed (red rust @ 48h)", expect: "not-met", source: "Neutral salt spray (ASTM B117) failure" },
  // bare Finish / Oberfläche columns holding a name: specified, not confirmed
  { criterion: "finish", text: "Clear chromate", header: "Finish", expect: "partial", source: EXP },
  { criterion: "finish", text: "Anodize Type III (hardcoat)", header: "Finish", expect: "partial", source: "MIL-A-8625 anodize type callout" },
  { criterion: "finish", text: "Bright nickel plating", header: "Finish", expect: "partial", source: EXP },
  { criterion: "finish", text: "Powder coat, RAL 7035 fine texture", header: "Finish", expect: "partial", source: EXP },
  { criterion: "finish", text: "Vibratory deburr", header: "Finish", expect: "partial", source: EXP },
  { criterion: "finish", text: "Black oxide", header: "Finish", expect: "partial", source: EXP },
  { criterion: "finish", text: "Passivate per ASTM A967", header: "Finish", expect: "partial", source: "Stainless passivation spec callout" },
  { criterion: "finish", text: "E-coat + powder", header: "Finish", expect: "partial", source: EXP },
  { criterion: "finish", text: "verzinkt", header: "Oberfläche", expect: "partial", source: "German 'verzinkt' = zinc plated: a finish named, not confirmed" },
  { criterion: "finish", text: "Still under evaluation", header: "Finish", expect: "not-met", source: "Status phrase under a bare Finish header" },
  { criterion: "finish", text: "Finish TBD", header: "Finish", expect: "unknown", source: "tbd stays unknown" },

  // ===================== tolerances =====================
  { criterion: "tolerances", text: "GD&T reviewed with supplier", expect: "met", source: BLACKORBIT },
  { criterion: "tolerances", text: "Stack-up complete", expect: "met", source: EXP },
  { criterion: "tolerances", text: "Reviewed - all CTQs defined", expect: "met", source: NPI_INIT },
  { criterion: "tolerances", text: "Done (tol. study TS-014)", expect: "met", source: EXP },
  { criterion: "tolerances", text: "Tolerances optimised for CNC", expect: "met", source: EXP },
  { criterion: "tolerances", text: "CTQs identified, general tols not reviewed", expect: "partial", source: NPI_INIT },
  { criterion: "tolerances", text: "Critical features only", expect: "partial", source: EXP },
  { criterion: "tolerances", text: "Key characteristics defined; rest pending", expect: "partial", source: AS9145 },
  { criterion: "tolerances", text: "About half done", expect: "partial", source: EXP },
  { criterion: "tolerances", text: "Review scheduled", expect: "not-met", source: EXP },
  { criterion: "tolerances", text: "Not reviewed yet", expect: "not-met", source: EXP },
  { criterion: "tolerances", text: "Open - awaiting supplier input", expect: "not-met", source: EXP },
  { criterion: "tolerances", text: "No review", expect: "not-met", source: EXP },
  { criterion: "tolerances", text: "ISO 2768-f", expect: "unknown", source: "A general-tolerance class, not a review status" },
  { criterion: "tolerances", text: "+/-0.1 mm general", expect: "unknown", source: "A tolerance value, not a review status" },
  { criterion: "tolerances", text: "Tolerances per drawing", expect: "unknown", source: "Reference to the drawing, no review status" },

  // ===================== dfm =====================
  { criterion: "dfm", text: "DFM report signed off", expect: "met", source: NPI_GATES },
  { criterion: "dfm", text: "Completed with supplier", expect: "met", source: NPI_INIT },
  { criterion: "dfm", text: "Reviewed, feedback implemented in rev C", expect: "met", source: BLACKORBIT },
  { criterion: "dfm", text: "Done 2024-W12", expect: "met", source: EXP },
  { criterion: "dfm", text: "All DFM actions closed", expect: "met", source: BLACKORBIT },
  { criterion: "dfm", text: "Actions open (3 of 7 closed)", expect: "partial", source: BLACKORBIT },
  { criterion: "dfm", text: "First pass done, moldflow pending", expect: "partial", source: BLACKORBIT },
  { criterion: "dfm", text: "Partially complete", expect: "partial", source: EXP },
  { criterion: "dfm", text: "Feedback received, not yet implemented", expect: "partial", source: NPI_INIT },
  { criterion: "dfm", text: "Not performed", expect: "not-met", source: EXP },
  { criterion: "dfm", text: "Not requested yet", expect: "not-met", source: EXP },
  { criterion: "dfm", text: "Planned for DVT", expect: "not-met", source: NPI_GATES },
  { criterion: "dfm", text: "No DFM", expect: "not-met", source: EXP },
  { criterion: "dfm", text: "Skipped", expect: "not-met", source: EXP },

  // ===================== pilot =====================
  { criterion: "pilot", text: "PVT complete - yield 98%", expect: "met", source: NPI_GATES },
  { criterion: "pilot", text: "Pilot lot of 200 accepted", expect: "met", source: EXP },
  { criterion: "pilot", text: "Trial run OK (3 lots consistent)", expect: "met", source: EXP },
  { criterion: "pilot", text: "Validated - PQ report approved", expect: "met", source: IQOQPQ },
  { criterion: "pilot", text: "Lot 1 passed, lots 2-3 running", expect: "partial", source: IQOQPQ },
  { criterion: "pilot", text: "Pilot in progress (wk 14)", expect: "partial", source: EXP },
  { criterion: "pilot", text: "IQ/OQ done, PQ in progress", expect: "partial", source: IQOQPQ },
  { criterion: "pilot", text: "Conditionally released after pilot", expect: "partial", source: NPI_GATES },
  { criterion: "pilot", text: "Pilot not yet scheduled", expect: "not-met", source: EXP },
  { criterion: "pilot", text: "Not run", expect: "not-met", source: EXP },
  { criterion: "pilot", text: "Pilot lot rejected", expect: "not-met", source: EXP },
  { criterion: "pilot", text: "Failed - dimensional drift lot 2", expect: "not-met", source: EXP },
  { criterion: "pilot", text: "Scheduled Q4", expect: "not-met", source: EXP },
  { criterion: "pilot", text: "PQ failed", expect: "not-met", source: IQOQPQ },

  // ===================== demand =====================
  { criterion: "demand", text: "Firm - blanket PO through 2026", expect: "met", source: EXP },
  { criterion: "demand", text: "Repeat business, monthly releases", expect: "met", source: EXP },
  { criterion: "demand", text: "Weekly call-offs (EDI)", expect: "met", source: EXP },
  { criterion: "demand", text: "Stable run-rate", expect: "met", source: EXP },
  { criterion: "demand", text: "Contract signed (3 yrs)", expect: "met", source: EXP },
  { criterion: "demand", text: "Annual frame contract", expect: "met", source: EXP },
  { criterion: "demand", text: "Scheduling agreement in place", expect: "met", source: "SAP scheduling agreement (Lieferplan) with release schedule" },
  { criterion: "demand", text: "Forecast only - no PO", expect: "partial", source: EXP },
  { criterion: "demand", text: "Seasonal (summer peak)", expect: "partial", source: EXP },
  { criterion: "demand", text: "Customer forecast, not firm", expect: "partial", source: EXP },
  { criterion: "demand", text: "Non-binding forecast", expect: "partial", source: EXP },
  { criterion: "demand", text: "One-shot order", expect: "not-met", source: EXP },
  { criterion: "demand", text: "Single build, no follow-on", expect: "not-met", source: EXP },
  { criterion: "demand", text: "Irregular", expect: "not-met", source: EXP },
  { criterion: "demand", text: "Volatile", expect: "not-met", source: EXP },
  { criterion: "demand", text: "Last-time buy", expect: "not-met", source: "End-of-life final order (no repeat demand)" },
  { criterion: "demand", text: "Unclear, customer still deciding", expect: "not-met", source: EXP },
  { criterion: "demand", text: "Y (monthly)", header: "Recurring Order (Y/N)", expect: "met", source: EXP },

  // ===================== supplier =====================
  { criterion: "supplier", text: "Approved (AVL)", expect: "met", source: SCORECARD },
  { criterion: "supplier", text: "Qualified - AS9100D certified", expect: "met", source: AS9145 },
  { criterion: "supplier", text: "On AVL since 2019", expect: "met", source: SCORECARD },
  { criterion: "supplier", text: "Approved - VDA 6.3 score 92% (A)", expect: "met", source: VDA },
  { criterion: "supplier", text: "Capable (Cpk ≥ 1.33 demonstrated)", expect: "met", source: BLACKORBIT },
  { criterion: "supplier", text: "Approved - conditional (CAR open)", expect: "partial", source: SCORECARD },
  { criterion: "supplier", text: "Conditionally qualified", expect: "partial", source: SCORECARD },
  { criterion: "supplier", text: "Probation", expect: "partial", source: SCORECARD },
  { criterion: "supplier", text: "Provisional supplier", expect: "partial", source: EXP },
  { criterion: "supplier", text: "New - audit scheduled", expect: "not-met", source: VDA },
  { criterion: "supplier", text: "Not yet qualified", expect: "not-met", source: EXP },
  { criterion: "supplier", text: "Failed capability study", expect: "not-met", source: BLACKORBIT },
  { criterion: "supplier", text: "Blocked", expect: "not-met", source: "ERP vendor master 'blocked' flag" },
  { criterion: "supplier", text: "Disapproved", expect: "not-met", source: EXP },
  { criterion: "supplier", text: "Schmid Drehteile AG", header: "Supplier", expect: "unknown", source: "A company name under a bare Supplier header" },
  {
    criterion: "supplier",
    text: "Precision Machining Sp. z o.o.",
    header: "Supplier",
    expect: "unknown",
    source: "A company name under a bare Supplier header",
  },
  { criterion: "supplier", text: "Fictiv", header: "Supplier", expect: "unknown", source: "A company name under a bare Supplier header" },
  { criterion: "supplier", text: "Hubs (Protolabs Network)", header: "Supplier", expect: "unknown", source: "A company name under a bare Supplier header" },
  { criterion: "supplier", text: "Unproven - first order", header: "Supplier", expect: "not-met", source: "Status phrase typed into a bare Supplier column" },

  // ===================== inspection =====================
  { criterion: "inspection", text: "Control plan released (rev 2)", expect: "met", source: CONTROL_PLAN },
  { criterion: "inspection", text: "Inspection plan approved by SQE", expect: "met", source: EXP },
  { criterion: "inspection", text: "ITP signed", expect: "met", source: EXP },
  { criterion: "inspection", text: "In place: 100% visual + CMM 1/50", expect: "met", source: CONTROL_PLAN },
  { criterion: "inspection", text: "Prüfplan freigegeben", expect: "met", source: VDA },
  { criterion: "inspection", text: "FAI complete - no NCs", header: "FAI Status", expect: "met", source: AS9102 },
  { criterion: "inspection", text: "FAIR accepted by customer", header: "FAI Status", expect: "met", source: AS9102 },
  { criterion: "inspection", text: "Prototype CP only, production CP pending", expect: "partial", source: PPAP_LIST },
  { criterion: "inspection", text: "Pre-launch control plan", expect: "partial", source: PPAP_LIST },
  { criterion: "inspection", text: "Draft (rev 0)", expect: "partial", source: EXP },
  { criterion: "inspection", text: "Under development", expect: "partial", source: EXP },
  { criterion: "inspection", text: "FAI not complete - 2 NCs open", header: "FAI Status", expect: "not-met", source: AS9102 },
  { criterion: "inspection", text: "No control plan", expect: "not-met", source: EXP },
  { criterion: "inspection", text: "Not yet written", expect: "not-met", source: EXP },
  { criterion: "inspection", text: "Missing", expect: "not-met", source: EXP },
  { criterion: "inspection", text: "See QP-104", expect: "unknown", source: "Free-text reference, no status" },

  // ===================== cost =====================
  { criterion: "cost", text: "$0.87 ea", header: "Price Each", expect: "met", source: QUOTE_SHEET },
  { criterion: "cost", text: "1.25", header: "Price Each", expect: "met", source: "Positive number under a price header" },
  { criterion: "cost", text: "2,35 €", header: "Stückpreis", expect: "met", source: ACAD_DE },
  {
    criterion: "cost",
    text: "EUR 1.450,00",
    header: "Unit Price",
    expect: "met",
    source: "European quote sheet (dot thousands, comma decimals, currency given)",
  },
  { criterion: "cost", text: "¥ 86.00", header: "Unit Price", expect: "met", source: QUOTE_SHEET },
  { criterion: "cost", text: "RMB 8.6", header: "Unit Price", expect: "met", source: QUOTE_SHEET },
  { criterion: "cost", text: "$3.10 @ 10k EAU", header: "Price @ Volume", expect: "met", source: QUOTE_SHEET },
  { criterion: "cost", text: "0.42", header: "Cost per Part", expect: "met", source: "A price under a price header (not a fraction)" },
  { criterion: "cost", text: "$4.80 (budget quote)", header: "Unit Price", expect: "partial", source: QUOTE_SHEET },
  { criterion: "cost", text: "~€3 (estimate)", header: "Unit Price", expect: "partial", source: QUOTE_SHEET },
  { criterion: "cost", text: "ROM $5-7", header: "Unit Price", expect: "partial", source: "Rough-order-of-magnitude estimate" },
  { criterion: "cost", text: "Awaiting supplier quote", header: "Unit Price", expect: "not-met", source: QUOTE_SHEET },
  { criterion: "cost", text: "Included in assy price", header: "Unit Price", expect: "unknown", source: "No piece price given" },
  { criterion: "cost", text: "Price agreed in LTA", expect: "met", source: "Long-term agreement (LTA) pricing" },
  { criterion: "cost", text: "PO price confirmed", expect: "met", source: EXP },
  { criterion: "cost", text: "Quoted, awaiting negotiation", expect: "met", source: QUOTE_SHEET },
  { criterion: "cost", text: "Estimated (±20%)", expect: "partial", source: EXP },
  { criterion: "cost", text: "Budgetary only", expect: "partial", source: QUOTE_SHEET },
  { criterion: "cost", text: "Preliminary estimate", expect: "partial", source: QUOTE_SHEET },
  { criterion: "cost", text: "RFQ out", expect: "not-met", source: QUOTE_SHEET },
  { criterion: "cost", text: "Quote requested 03/05", expect: "not-met", source: QUOTE_SHEET },
  { criterion: "cost", text: "Not costed", expect: "not-met", source: EXP },
  { criterion: "cost", text: "No price yet", expect: "not-met", source: EXP },
  { criterion: "cost", text: "see quote Q-2291", expect: "unknown", source: "Free-text reference, no status" },

  // ===================== goal (header omitted = "Purpose") =====================
  { criterion: "goal", text: "DVT build", expect: "learning", source: NPI_GATES },
  { criterion: "goal", text: "Engineering validation", expect: "learning", source: NPI_GATES },
  { criterion: "goal", text: "Design verification testing", expect: "learning", source: MED },
  { criterion: "goal", text: "Alpha prototype", expect: "learning", source: EXP },
  { criterion: "goal", text: "Proof-of-principle", expect: "learning", source: EXP },
  { criterion: "goal", text: "Lab evaluation", expect: "learning", source: EXP },
  { criterion: "goal", text: "Prototypes for fit check", expect: "learning", source: EXP },
  { criterion: "goal", text: "Looks-like model", expect: "learning", source: "Looks-like / works-like prototypes (consumer-electronics NPI)" },
  { criterion: "goal", text: "Concept validation", expect: "learning", source: EXP },
  { criterion: "goal", text: "EVT units", header: "Reason for Order", expect: "learning", source: EVT_SIGNOFF },
  { criterion: "goal", text: "Pre-series (0-series)", expect: "delivering", source: VDA },
  { criterion: "goal", text: "Nullserie", expect: "delivering", source: "German 'Nullserie' = zero series (pre-series under series conditions)" },
  { criterion: "goal", text: "Series supply from SOP", expect: "delivering", source: VDA },
  { criterion: "goal", text: "Production parts", expect: "delivering", source: EXP },
  { criterion: "goal", text: "Serial parts for customer", expect: "delivering", source: EXP },
  { criterion: "goal", text: "PPAP samples", expect: "delivering", source: PSW },
  { criterion: "goal", text: "Initial samples (EMPB)", expect: "delivering", source: VDA },
  { criterion: "goal", text: "Launch stock", expect: "delivering", source: EXP },
  { criterion: "goal", text: "Aftermarket spares", expect: "delivering", source: EXP },
  { criterion: "goal", text: "Pilot production for market launch", expect: "delivering", source: NPI_GATES },
  {
    criterion: "goal",
    text: "Serienbelieferung",
    header: "Verwendungszweck",
    expect: "delivering",
    source: "German 'Serienbelieferung' = series supply (VDA Band 2 wording)",
  },
  { criterion: "goal", text: "Prototype & series", expect: "unknown", source: "Conflicting words (prototype + series)" },
  { criterion: "goal", text: "Internal use", expect: "unknown", source: "Says nothing about learning or delivering" },
  { criterion: "goal", text: "Customer request", expect: "unknown", source: "Says nothing about learning or delivering" },

  // ===================== quantity (header omitted = "Quantity") =====================
  { criterion: "quantity", text: "Qty: 120 pcs", expect: 120, source: QUOTE_SHEET },
  { criterion: "quantity", text: "24 Stk.", expect: 24, source: "German 'Stk.' (Stück, pieces)" },
  { criterion: "quantity", text: "150 ea.", expect: 150, source: EXP },
  { criterion: "quantity", text: "100 EA", expect: 100, source: EXP },
  { criterion: "quantity", text: "3.5k", expect: 3500, source: EXP },
  { criterion: "quantity", text: "approx 75", expect: 75, source: EXP },
  { criterion: "quantity", text: "≈ 400", expect: 400, source: EXP },
  { criterion: "quantity", text: "min. 200", expect: 200, source: EXP },
  { criterion: "quantity", text: "max 30", expect: 30, source: EXP },
  { criterion: "quantity", text: "25 - 50 pcs", expect: 50, source: "A range counts as its upper bound" },
  { criterion: "quantity", text: "1,000-1,500", expect: 1500, source: "A range counts as its upper bound" },
  { criterion: "quantity", text: "Qty 1 (first article)", expect: 1, source: AS9102 },
  { criterion: "quantity", text: "2 off", expect: 2, source: "British 'N off' usage" },
  { criterion: "quantity", text: "4,000 pcs (2 releases)", expect: 4000, source: EXP },
  { criterion: "quantity", text: "ca. 2'500", expect: 2500, source: "Swiss thousands separator with 'ca.'" },
  { criterion: "quantity", text: "64", header: "Stückzahl", expect: 64, source: DE_BOM },
  { criterion: "quantity", text: "8", header: "Anz.", expect: 8, source: ACAD_DE },
  { criterion: "quantity", text: "300", header: "Build Qty", expect: 300, source: NPI_GATES },
  { criterion: "quantity", text: "2.000", expect: "unknown", source: "Reads as 2 or 2,000" },
  { criterion: "quantity", text: "10.5", expect: "unknown", source: "Not a piece count" },
  { criterion: "quantity", text: "TBC by customer", expect: "unknown", source: "No number" },
  { criterion: "quantity", text: "as required", expect: "unknown", source: "No number" },
  { criterion: "quantity", text: "per forecast", expect: "unknown", source: "No number" },
  { criterion: "quantity", text: "#DIV/0!", expect: "unknown", source: "Excel error value" },

  // ===================== annual_volume (header omitted = "Annual volume") =====================
  { criterion: "annual_volume", text: "300/month", header: "Expected Annual Usage", expect: 3600, source: "Monthly rate typed into an annual column" },
  { criterion: "annual_volume", text: "1,500/mo", expect: 18000, source: "Monthly rate" },
  { criterion: "annual_volume", text: "2k per month", expect: 24000, source: "Monthly rate" },
  { criterion: "annual_volume", text: "750 per quarter", expect: 3000, source: "Quarterly rate" },
  { criterion: "annual_volume", text: "60k p.a.", expect: 60000, source: QUOTE_SHEET },
  { criterion: "annual_volume", text: "EAU ~ 3,000", expect: 3000, source: NPI_INIT },
  { criterion: "annual_volume", text: "8,000 pcs/yr", expect: 8000, source: QUOTE_SHEET },
  { criterion: "annual_volume", text: "40k / year", expect: 40000, source: QUOTE_SHEET },
  { criterion: "annual_volume", text: "15,000/annum", expect: 15000, source: QUOTE_SHEET },
  { criterion: "annual_volume", text: "approx. 6k/yr", expect: 6000, source: QUOTE_SHEET },
  { criterion: "annual_volume", text: "500 - 1,000 per year", expect: 1000, source: "A range counts as its upper bound" },
  { criterion: "annual_volume", text: "2,400 (200/month)", expect: 2400, source: "Annual figure with its monthly rate in brackets" },
  { criterion: "annual_volume", text: "20000", header: "Volume Quoted (Year)", expect: 20000, source: LANDMARK },
  { criterion: "annual_volume", text: "1,200", header: "Jahresbedarf", expect: 1200, source: DE_BOM },
  { criterion: "annual_volume", text: "12k (2025), 18k (2026)", expect: "unknown", source: "Two years' volumes: which one is meant is not stated" },
  { criterion: "annual_volume", text: "4.000 p.a.", expect: "unknown", source: "Reads as 4 or 4,000 per year" },
  { criterion: "annual_volume", text: "100k lifetime", expect: "unknown", source: "Programme lifetime volume, not an annual figure" },
  { criterion: "annual_volume", text: "5k over program life", expect: "unknown", source: "Programme lifetime volume, not an annual figure" },
  { criterion: "annual_volume", text: "Not forecast yet", expect: "unknown", source: "No number" },
  { criterion: "annual_volume", text: "Low volume", expect: "unknown", source: "No number" },
];

using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Inputs;

/// <summary><c>…-certificates_generatedcertificate-….sql</c>: one row per certificate.</summary>
[EdxInput("certificates_generatedcertificate", Token = "certificates_generatedcertificate", Extension = ".sql", Format = InputFormat.EdxTsv)]
public sealed partial class CertificatesGeneratedCertificateInput;

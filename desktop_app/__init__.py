"""SafeLens: on-device communication safety. The public SDK names live here."""

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.analysis.verdict import (
    Analysis,
    AnalysisPolicy,
    AnalyzerUnavailable,
    Kind,
    Region,
    Status,
    Strictness,
)

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "AnalysisPolicy",
    "AnalyzerUnavailable",
    "Kind",
    "Region",
    "SensitivityAnalyzer",
    "Status",
    "Strictness",
    "__version__",
]

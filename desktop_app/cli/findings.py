"""One line of `safelens doctor`: an area, whether it is fine, what was found, and the fix."""

from __future__ import annotations

from dataclasses import dataclass

# The fix when SafeLens cannot check files: its models are missing or altered.
REINSTALL_FIX = (
    "reinstall SafeLens (its model files are missing or altered); in machine mode then run "
    "`sudo systemctl restart safelens`"
)


@dataclass(frozen=True)
class Finding:
    """``fix`` says what to do: every BAD line has one; an ok line may carry advice."""

    area: str
    ok: bool
    detail: str
    fix: str = ""

    def __post_init__(self) -> None:
        if not self.ok and not self.fix:
            raise ValueError(f"a BAD doctor line needs a fix ({self.area})")

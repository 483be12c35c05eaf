"""What each screen says, for under-13s (short sentences, reading age ~8) and for 13-17s.

Every string goes through Qt's translation system (context "Intervention").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.policy.settings import AgeBand
from desktop_app.safety.flow import Action, Screen


def _t(text: str) -> str:
    return QCoreApplication.translate("Intervention", text)


def screen_text(screen: Screen, band: AgeBand) -> tuple[str, str]:
    """(title, body) for a screen; young children get the simplest words."""
    young = band is AgeBand.UNDER13
    texts: dict[Screen, tuple[str, str]] = {
        Screen.BLURRED: (
            _t("This may be sensitive"),
            _t("This picture may show private body parts. You don't have to look at it.")
            if young
            else _t("This may show nudity. You can choose what happens next."),
        ),
        Screen.WHY: (
            _t("Why is it hidden?"),
            _t(
                "Some pictures show the parts of the body that a swimsuit covers. "
                "It's not your fault that you got this. Someone who sends you this may be "
                "trying to trick you. You can ask a grown-up you trust for help."
            )
            if young
            else _t(
                "Nude photos and videos can be used to hurt people. It's not your fault that "
                "you received this. Someone who sends it may be trying to pressure you. "
                "You can get help, and you can talk to someone you trust."
            ),
        ),
        Screen.EXTRA_HELP: (
            _t("This has happened a few times"),
            _t(
                "You've been sent things like this more than once. Talking to someone you trust "
                "can help. You don't have to deal with this alone."
            ),
        ),
        Screen.ARE_YOU_SURE: (
            _t("Are you sure?"),
            _t("You don't have to view this. It's your choice, but make sure you feel safe."),
        ),
        Screen.GUARDIAN_APPROVAL: (
            _t("Ask your grown-up"),
            _t("A guardian needs to type their PIN on this computer before you can see this."),
        ),
        Screen.HELP: (_t("Ways to get help"), ""),
        Screen.TRUSTED_ADULT: (
            _t("Message a trusted adult"),
            _t("The message does not include the picture."),
        ),
        Screen.COULD_NOT_CHECK: (
            _t("SafeLens couldn't check this"),
            _t("SafeLens couldn't check this file, so it's hidden to keep you safe."),
        ),
        Screen.CONTENT: ("", ""),
        Screen.CLOSED: (_t("Hidden"), _t("This stays hidden. You can close this window.")),
    }
    return texts[screen]


def action_label(action: Action) -> str:
    labels = {
        Action.NOT_NOW: _t("Not now"),
        Action.WHY: _t("Why?"),
        Action.VIEW: _t("View…"),
        Action.CONTINUE: _t("Continue"),
        Action.GET_HELP: _t("Ways to get help"),
        Action.MESSAGE_ADULT: _t("Message a trusted adult"),
        Action.BACK: _t("Back"),
        Action.DONT_VIEW: _t("Don't view"),
        Action.APPROVED: _t("Guardian: enter PIN…"),
        Action.ASK_GUARDIAN: _t("Ask a guardian"),
        Action.HIDE_AGAIN: _t("Hide again"),
        Action.DONT_SEND: _t("Don't send"),
        Action.SEND_ANYWAY: _t("Send anyway"),
        Action.CLOSE: _t("Close"),
    }
    return labels[action]

"""What each screen says, for under-13s (short sentences, reading age ~8) and for 13-17s.

Every string is a literal ``QCoreApplication.translate("Intervention", ...)`` call so that
``pyside6-lupdate`` finds it (tools/update_translations.py) and Qt translates it at run time.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.policy.settings import AgeBand
from desktop_app.safety.flow import Action, Screen
from desktop_app.safety.resources import Kind

translate = QCoreApplication.translate


def screen_text(screen: Screen, band: AgeBand) -> tuple[str, str]:
    """(title, body) for a screen; young children get the simplest words."""
    young = band is AgeBand.UNDER13
    if screen is Screen.BLURRED:
        return (
            translate("Intervention", "This may be sensitive"),
            translate(
                "Intervention",
                "This picture may show private body parts. You don't have to look at it.",
            )
            if young
            else translate(
                "Intervention", "This may show nudity. You can choose what happens next."
            ),
        )
    if screen is Screen.WHY:
        return (
            translate("Intervention", "Why is it hidden?"),
            translate(
                "Intervention",
                "Some pictures show the parts of the body that a swimsuit covers. "
                "It's not your fault that you got this. Someone who sends you this may be "
                "trying to trick you. You can ask a grown-up you trust for help.",
            )
            if young
            else translate(
                "Intervention",
                "Nude photos and videos can be used to hurt people. It's not your fault that "
                "you received this. Someone who sends it may be trying to pressure you. "
                "You can get help, and you can talk to someone you trust.",
            ),
        )
    if screen in (Screen.SEND_CONFIRM, Screen.SEND_BLOCKED):
        return _sending_text(screen, young)
    return _other_text(screen)


def _other_text(screen: Screen) -> tuple[str, str]:
    texts: dict[Screen, tuple[str, str]] = {
        Screen.EXTRA_HELP: (
            translate("Intervention", "This has happened a few times"),
            translate(
                "Intervention",
                "You've been sent things like this more than once. Talking to someone you "
                "trust can help. You don't have to deal with this alone.",
            ),
        ),
        Screen.ARE_YOU_SURE: (
            translate("Intervention", "Are you sure?"),
            translate(
                "Intervention",
                "You don't have to view this. It's your choice, but make sure you feel safe.",
            ),
        ),
        Screen.GUARDIAN_APPROVAL: (
            translate("Intervention", "Ask your grown-up"),
            translate(
                "Intervention",
                "A guardian needs to type their PIN on this computer before you can see this.",
            ),
        ),
        Screen.HELP: (
            translate("Intervention", "Ways to get help"),
            translate("Intervention", "You can talk to someone. It's free and it's private."),
        ),
        Screen.TRUSTED_ADULT: (
            translate("Intervention", "Message a trusted adult"),
            translate("Intervention", "The message does not include the picture."),
        ),
        Screen.COULD_NOT_CHECK: (
            translate("Intervention", "SafeLens couldn't check this"),
            translate(
                "Intervention",
                "SafeLens couldn't check this file, so it's hidden to keep you safe.",
            ),
        ),
        Screen.CONTENT: ("", ""),
        Screen.CLOSED: (
            translate("Intervention", "Hidden"),
            translate("Intervention", "This stays hidden. You can close this window."),
        ),
        Screen.SENT: (
            translate("Intervention", "Sent"),
            translate("Intervention", "The file was let through."),
        ),
        Screen.HELD: (
            translate("Intervention", "Not sent"),
            translate("Intervention", "The file stays on this computer. Nobody got it."),
        ),
    }
    return texts[screen]


def _sending_text(screen: Screen, young: bool) -> tuple[str, str]:
    if screen is Screen.SEND_BLOCKED:
        return (
            translate("Intervention", "You can't send this"),
            translate(
                "Intervention",
                "This may show private body parts. Pictures like this of children are "
                "against the law, even if you took them yourself. A grown-up you trust can "
                "help.",
            )
            if young
            else translate(
                "Intervention",
                "This may show nudity. Sharing nude pictures of anyone under 18 is against "
                "the law, even your own. You can get help and talk to someone you trust.",
            ),
        )
    return (
        translate("Intervention", "Are you sure you want to send this?"),
        translate(
            "Intervention",
            "This may show nudity. Sharing nude pictures of anyone under 18 is against the "
            "law, even your own, and once it is sent you can't take it back. It's your "
            "choice, but nobody should pressure you.",
        ),
    )


def action_label(action: Action) -> str:
    labels = {
        Action.NOT_NOW: translate("Intervention", "Not now"),
        Action.WHY: translate("Intervention", "Why?"),
        Action.VIEW: translate("Intervention", "View…"),
        Action.CONTINUE: translate("Intervention", "Continue"),
        Action.GET_HELP: translate("Intervention", "Ways to get help"),
        Action.MESSAGE_ADULT: translate("Intervention", "Message a trusted adult"),
        Action.BACK: translate("Intervention", "Back"),
        Action.DONT_VIEW: translate("Intervention", "Don't view"),
        Action.APPROVED: translate("Intervention", "Guardian: enter PIN…"),
        Action.ASK_GUARDIAN: translate("Intervention", "Ask a guardian"),
        Action.HIDE_AGAIN: translate("Intervention", "Hide again"),
        Action.DONT_SEND: translate("Intervention", "Don't send"),
        Action.SEND_ANYWAY: translate("Intervention", "Send anyway"),
        Action.CLOSE: translate("Intervention", "Close"),
    }
    return labels[action]


def action_description(action: Action) -> str:
    """What a button does, for screen readers."""
    safe = translate("Intervention", "The safe choice: nothing is shown or sent.")
    descriptions = {
        Action.NOT_NOW: safe,
        Action.DONT_VIEW: safe,
        Action.DONT_SEND: safe,
        Action.WHY: translate("Intervention", "Explains why this is hidden."),
        Action.VIEW: translate("Intervention", "Goes on towards showing it."),
        Action.CONTINUE: translate("Intervention", "Goes to the next screen."),
        Action.GET_HELP: translate("Intervention", "Lists people you can talk to."),
        Action.MESSAGE_ADULT: translate(
            "Intervention", "Prepares a message to a trusted adult, without the picture."
        ),
        Action.BACK: translate("Intervention", "Goes back to the screen before."),
        Action.APPROVED: translate("Intervention", "A guardian types their PIN."),
        Action.ASK_GUARDIAN: translate("Intervention", "A guardian types their PIN."),
        Action.HIDE_AGAIN: translate("Intervention", "Hides it again."),
        Action.SEND_ANYWAY: translate("Intervention", "Lets the file go out."),
        Action.CLOSE: safe,
    }
    return descriptions[action]


def kind_label(kind: Kind) -> str:
    labels = {
        Kind.HELPLINE: translate("Intervention", "Talk to someone"),
        Kind.REPORT: translate("Intervention", "Report it"),
        Kind.REMOVAL: translate("Intervention", "Get a picture taken down"),
        Kind.INFO: translate("Intervention", "Find help"),
    }
    return labels[kind]


def trusted_adult_message() -> str:
    return translate(
        "Intervention", "Hi, I got something that made me feel uncomfortable. Can we talk?"
    )

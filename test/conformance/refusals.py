"""Values zfdw refuses by design where a peer decodes leniently.

zfdw never guesses: bytes that its field's PICTURE and USAGE could not have
produced are an error, or NULL with a notice under on_error 'null' (which
the runner uses).  A peer value that zfdw returns as NULL counts as a
designed refusal, not a failure, only when zfdw's notice for that very
record and field is one of these; every suite reports how many it saw.
"""
import re

PATTERNS = [
    ("past-end", re.compile(r"^record is \d+ bytes, field"),
     "the field lies past the end of a short record (Cobrix pads it with ''/0 or reads "
     "the bytes present)"),
    ("zoned-nul", re.compile(r"^invalid zoned decimal digit X'00'"),
     "a DISPLAY numeric field holds X'00' (low-values), which is not a digit (Cobrix reads "
     "it as a blank)"),
    ("zoned-blank", re.compile(r"^invalid zoned decimal digit X'(40|20)'"),
     "a DISPLAY numeric field holds spaces, which are not digits (Cobrix reads them as "
     "zeros when improved_null_detection is off)"),
    ("edited", re.compile(r"of numeric-edited field$"),
     "numeric-edited bytes the PICTURE could not have produced, such as '+' where the "
     "picture has '-' (IBM prints a blank for plus there) or digits not aligned to the "
     "picture (Cobrix reads whatever digits and signs it finds)"),
    ("dbcs-cut", re.compile(r"^incomplete double-byte character"),
     "a DBCS string that ends inside a character (Cobrix drops the odd byte)"),
    ("not-ascii", re.compile(r"is not a character in code page ascii"),
     "a byte above X'7F' in a field read as ASCII (Cobrix shows U+FFFD)"),
]


def classify(notice):
    """The label of a designed refusal, or None."""
    if notice is None:
        return None
    for label, rx, _ in PATTERNS:
        if rx.search(notice):
            return label
    return None


def describe(label):
    for lab, _, text in PATTERNS:
        if lab == label:
            return text
    return label


def notes(counts):
    """Note entries (count, text) for the refusals a case saw."""
    return [(n, "refused by design (NULL and a notice): " + describe(label))
            for label, n in sorted(counts.items())]

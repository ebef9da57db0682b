"""Cobrix reader options as zfdw table options, and what is out of scope.

Cobrix's defaults differ from z/OS's: its RDWs and BDWs are little-endian
and count only the bytes after them unless told otherwise, so a variant
that does not set them still needs rdw_byte_order 'little' and
rdw_includes_header 'false' in zfdw, whose defaults are z/OS's.
"""

# Cobrix features with no zfdw counterpart: option -> why it is out of scope.
UNSUPPORTED = {
    "record_header_parser": "a custom record header parser (a Scala class of the test)",
    "segment-children": "hierarchical reconstruction: child segments nested into their "
                        "parent's arrays",
    "record_length_field": "the record length read from a copybook field instead of an RDW "
                           "(test5b reads the same file through its RDWs)",
    "occurs_mappings": "OCCURS DEPENDING ON a string field mapped to counts",
    "debug": "generated debug columns (hex or raw copies of every field)",
    "record_start_offset": "per-record bytes outside the copybook (zfdw: declare them as "
                           "FILLER in the copybook)",
    "record_end_offset": "per-record bytes outside the copybook (zfdw: declare them as "
                         "FILLER in the copybook)",
}

# Options that change nothing zfdw is compared on.
NEUTRAL = {
    "pedantic", "input_split_records", "enable_index_cache", "strict_sign_overpunching",
    "schema_retention_policy", "generate_record_id", "improved_null_detection",
    "segment_id_level0", "segment_id_level1", "segment_id_level2", "segment_id_prefix",
    "segment_id_root", "strict_integral_precision", "block_length", "records_per_block",
    "non_terminals", "drop_value_fillers", "drop_group_fillers", "filler_naming_policy",
    "variable_size_occurs",
}

# Cobrix EBCDIC code page names -> zfdw's.
CODEPAGES = {
    "common": "cp037", "common_extended": "cp037", "cp037_extended": "cp037",
    "cp00300": "cp930", "cp300": "cp930",
}


def out_of_scope(opts, copybook_option):
    """Why a variant's options put it out of scope, or None."""
    for name in opts:
        base = name.split(":")[0]
        if base in UNSUPPORTED:
            return UNSUPPORTED[base]
    if opts.get("string_trimming_policy") == "left":
        return "left-only trimming (zfdw trims right, both or none)"
    if opts.get("floating_point_format", "").endswith("little_endian"):
        return "little-endian floating point, not a z/OS format"
    if opts.get("is_utf16_big_endian") == "false":
        return "little-endian UTF-16 PIC N, not a z/OS format"
    if opts.get("drop_value_fillers") == "false" or opts.get("drop_group_fillers") == "false":
        return "FILLERs as columns (zfdw never makes a column of a FILLER)"
    if copybook_option == "copybooks" and "," in opts.get("@copybooks", ""):
        return "several copybooks merged into one layout"
    for name in opts:
        base = name.split(":")[0].replace("-", "_")
        if base not in NEUTRAL and base not in KNOWN and base != "@copybooks":
            return "option %s" % name
    return None


KNOWN = {
    "record_format", "is_rdw_big_endian", "is_bdw_big_endian", "rdw_adjustment",
    "is_rdw_part_of_record_length", "bdw_adjustment", "file_start_offset",
    "file_end_offset", "ebcdic_code_page", "encoding", "ascii_charset", "segment_field",
    "segment_filter", "string_trimming_policy", "floating_point_format",
    "redefine_segment_id_map", "minimum_record_length", "maximum_record_length",
    "record_length", "is_utf16_big_endian",
}


def zfdw_options(opts):
    """zfdw table options for Cobrix options (scope already checked), and
    SQL conditions for the options zfdw answers with a WHERE clause."""
    z = {}
    where = []
    fmt = opts.get("record_format", "F").upper()
    z["recfm"] = {"F": "fb", "FB": "fb", "V": "vb", "VB": "vb_bdw", "D": "text",
                  "D2": "text"}[fmt]
    if fmt in ("V", "VB"):
        z["rdw_byte_order"] = "big" if opts.get("is_rdw_big_endian") == "true" else "little"
        adj = int(opts.get("rdw_adjustment", "0"))
        part = opts.get("is_rdw_part_of_record_length") == "true" or adj == -4
        z["rdw_includes_header"] = "true" if part else "false"
    if fmt == "VB":
        z["bdw_byte_order"] = "big" if opts.get("is_bdw_big_endian") == "true" else "little"
        z["bdw_includes_header"] = "true" if opts.get("bdw_adjustment") == "-4" else "false"
    if "file_start_offset" in opts:
        z["file_header_bytes"] = opts["file_start_offset"]
    if "file_end_offset" in opts:
        z["file_trailer_bytes"] = opts["file_end_offset"]
    if "record_length" in opts:
        z["lrecl"] = opts["record_length"]
    if opts.get("encoding") == "ascii" or fmt in ("D", "D2"):
        z["codepage"] = "latin1" if opts.get("ascii_charset", "").upper() == "ISO-8859-1" \
            else "ascii"
    else:
        cp = opts.get("ebcdic_code_page", "common")
        z["codepage"] = CODEPAGES.get(cp, cp)
    z["trim"] = opts.get("string_trimming_policy", "both")
    z["float_format"] = "ieee" if opts.get("floating_point_format", "IBM").upper() == "IEEE754" \
        else "hfp"
    if "segment_filter" in opts:
        z["segment_field"] = opts["segment_field"]
        z["segment_value"] = opts["segment_filter"]
    if "minimum_record_length" in opts:
        where.append("zf_len >= %d" % int(opts["minimum_record_length"]))
    if "maximum_record_length" in opts:
        where.append("zf_len <= %d" % int(opts["maximum_record_length"]))
    return z, where


def segment_map(opts):
    """redefine_segment_id_map entries: {group key: [segment values]}."""
    out = {}
    for name, value in opts.items():
        if name.replace("-", "_").startswith("redefine_segment_id_map"):
            group, ids = value.split("=>")
            out[group.strip().lower().replace("-", "_")] = [v.strip() for v in ids.split(",")]
    return out


def cobrix_mode(opts):
    """How Cobrix shows characters in this variant (see cobrix.shown):
    'ascii', 'common' (its invariant tables) or 'page' (a full page)."""
    if opts.get("encoding") == "ascii" or opts.get("record_format", "F").upper() in ("D", "D2"):
        return "ascii"
    cp = opts.get("ebcdic_code_page", "common")
    return "common" if cp in ("common", "common_extended") else "page"

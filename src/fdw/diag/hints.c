/*-------------------------------------------------------------------------
 *
 * hints.c
 *	  The hint of a data error, ordered by likelihood: the cause that most
 *	  often produces this kind of error, with its fix; then the decoder's
 *	  own hint; then zfdw.inspect_file(); and last on_error, which reads
 *	  past values that are really bad but would also hide a wrong
 *	  description of the file.
 *
 * The causes, most likely first, are read off the field's bytes: ASCII
 * digits where EBCDIC ones were expected (an ASCII-mode transfer), EBCDIC
 * bytes read with an ASCII page, a record that starts like a record
 * descriptor word in an fb table, and for any other bad number fields
 * that start at the wrong byte (record format, length or copybook).
 *
 *-------------------------------------------------------------------------
 */
#include "diag/diag.h"

/* Share of the n bytes at p for which test is true, in percent. */
static int
share(const uint8 *p, uint32 n, bool (*test) (uint8))
{
	uint32		k = 0;

	if (n == 0)
		return 0;
	for (uint32 i = 0; i < n; i++)
		if (test(p[i]))
			k++;
	return (int) (100 * k / n);
}

static bool
ascii_digit_or_blank(uint8 b)
{
	return (b >= 0x30 && b <= 0x39) || b == 0x20;
}

static bool
ebcdic_char(uint8 b)
{
	return (b >= 0xF0 && b <= 0xF9) || b == 0x40 || (b >= 0xC1 && b <= 0xE9) ||
		(b >= 0x81 && b <= 0xA9);
}

static bool
is_number_kind(zf_kind k)
{
	return k == ZF_KIND_ZONED || k == ZF_KIND_PACKED || k == ZF_KIND_BINARY ||
		k == ZF_KIND_FLOAT || k == ZF_KIND_EDITED || k == ZF_KIND_DECFLOAT;
}

/* Does the record start like a z/OS RDW: length of the record, then 00 00? */
static bool
starts_like_rdw(const ZfRecordRef *rec)
{
	uint32		len;

	if (rec->length < 8)
		return false;
	len = ((uint32) rec->data[0] << 8) | rec->data[1];
	return rec->data[2] == 0 && rec->data[3] == 0 && len >= 5 && len <= 32760;
}

void
zfdw_data_error_hint(StringInfo hint, const ZfTable *t, const ZfRecordRef *rec,
					 const ZfColumn *col, const zf_error *err,
					 uint32 field_offset, uint32 field_length)
{
	const zf_field *f = col ? col->f : NULL;
	const uint8 *p = NULL;
	bool		file_cause = false;

	if (f != NULL && field_length > 0 && field_offset + field_length <= rec->length)
		p = rec->data + field_offset;

	/* a blank or low-value field: the decoder's null_if hint is the cause */
	if (p != NULL && field_length > 1 &&
		(p[0] == 0x40 || p[0] == 0x20 || p[0] == 0x00) &&
		memcmp(p, p + 1, field_length - 1) == 0)
		p = NULL;

	if (f != NULL && p != NULL && err->status != ZF_E_OVERFLOW)
	{
		bool		ebcdic = zf_codepage_is_ebcdic(col->cp);
		bool		zoned_or_text = f->kind == ZF_KIND_ZONED || f->kind == ZF_KIND_EDITED ||
			f->kind == ZF_KIND_ALNUM;

		file_cause = true;
		if (ebcdic && zoned_or_text && share(p, field_length, ascii_digit_or_blank) >= 50)
			appendStringInfo(hint, "The field holds ASCII characters: the file was probably converted by an ASCII-mode transfer "
							 "(transfer it again in binary mode), or it is ASCII data (set codepage 'latin1').");
		else if (!ebcdic && zoned_or_text && share(p, field_length, ebcdic_char) >= 50)
			appendStringInfo(hint, "The field holds EBCDIC characters but codepage is '%s': set codepage to the file's EBCDIC page "
							 "(zfdw.guess_codepage() ranks them).", zf_codepage_name(col->cp));
		else if (is_number_kind(f->kind) && zfdw_fixed_length_records(t) &&
				 rec->offset == (uint64) t->opts.file_header_bytes && starts_like_rdw(rec))
			appendStringInfo(hint, "The record starts with X'%02X%02X0000', which looks like a record descriptor word: "
							 "the file may be variable-length (recfm 'vb').", rec->data[0], rec->data[1]);
		else if (is_number_kind(f->kind))
		{
			bool		columns = t->layout->source == ZF_SOURCE_COLUMNS;

			appendStringInfo(hint, "Most likely the field starts at the wrong byte: check recfm, lrecl and the %s against the file",
							 columns ? "column positions" :
							 t->layout->source == ZF_SOURCE_PUNCH ? "punch" : "copybook");
			if (!columns && zfdw_fixed_length_records(t) && t->opts.lrecl > 0 &&
				(uint32) t->opts.lrecl != t->rd->max_length)
				appendStringInfo(hint, " (lrecl %u differs from the layout's %u bytes)",
								 (unsigned) t->opts.lrecl, (unsigned) t->rd->max_length);
			appendStringInfoChar(hint, '.');
		}
		else if (err->status == ZF_E_CODEPAGE)
			appendStringInfo(hint, "The codepage option may not be the file's (zfdw.guess_codepage() ranks the likely pages), "
							 "or the field holds binary data (read it as bytea).");
		else
			file_cause = false;
	}
	else if (err->status == ZF_E_OVERFLOW && err->hint[0] == '\0')
		appendStringInfo(hint, "The column's type is too small for the value: declare it numeric or a wider type.");

	if (err->hint[0])
		appendStringInfo(hint, "%s%s", hint->len ? " " : "", err->hint);
	if (file_cause && rec->filename)
		appendStringInfo(hint, " zfdw.inspect_file('%s') shows the record formats, lengths and code page the file fits.",
						 rec->filename);
	if (t->opts.on_error == ZF_ON_ERROR_STOP &&
		(err->status == ZF_E_BAD_DATA || err->status == ZF_E_CODEPAGE ||
		 err->status == ZF_E_OVERFLOW))
		appendStringInfo(hint, "%sIf the values are really bad, on_error 'null' or 'skip' reads past them.",
						 hint->len ? " " : "");
}

/*-------------------------------------------------------------------------
 *
 * delimited_scan.c
 *	  format 'delimited': reading records, headers and segment filters,
 *	  malformed records, and EXPLAIN.
 *
 * In text framing a line that ends inside a quoted value is joined with
 * the next one, the line end (LF, CR LF, or the EBCDIC NL) kept in the
 * value exactly as the file has it; the joined record takes the number
 * and offset of its first line.
 *
 * A record that does not split, or has the wrong number of fields, is
 * malformed: it stops the scan, or is skipped (counted as rejected) under
 * on_error null and skip alike, since there is no field to set to NULL.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "commands/explain.h"

#include "delimited/delimited.h"
#include "scan/scan.h"

/* Make sure *buf holds n bytes (growing in the scan's context). */
uint8 *
zfdw_delim_space(ZfDelimited *d, uint8 **buf, size_t *cap, size_t n)
{
	if (n > *cap)
	{
		size_t		newcap = Max(n, *cap * 2);

		*buf = *buf ? repalloc(*buf, newcap) : MemoryContextAlloc(d->cxt, newcap);
		*cap = newcap;
	}
	return *buf;
}

/*
 * The next logical record.  In text framing, a line that ends inside a
 * quoted value is joined with the following lines until the value closes
 * (or the file ends: the splitter then reports the open quote).  The line
 * ends between them are put back as the file has them: the reader drops
 * the terminator and a CR before it, which the gap between the lines'
 * offsets shows.
 */
zf_status
zfdw_delim_next_record(ZfScanState *s, zf_record *r, zf_error *err)
{
	ZfDelimited *d = s->t->delim;
	zf_delim_scan scan;
	zf_status	st;
	size_t		len;
	uint64		end;

	if (d->pending_eof)
	{
		d->pending_eof = false;
		return ZF_EOF;
	}
	st = zf_reader_next(s->reader, r, err);
	if (st != ZF_OK || !d->join_lines)
		return st;
	zf_delim_scan_init(&scan);
	if (!zf_delim_scan_feed(&d->opts, &scan, r->data, r->length))
		return ZF_OK;

	zfdw_delim_space(d, &d->join, &d->joincap, r->length);
	memcpy(d->join, r->data, r->length);
	len = r->length;
	end = r->offset + r->length;
	for (;;)
	{
		zf_record	next;
		uint8		gap[2];
		size_t		ngap;

		st = zf_reader_next(s->reader, &next, err);
		if (st == ZF_EOF)
		{
			d->pending_eof = true;
			break;
		}
		if (st != ZF_OK)
			return st;
		ngap = zf_delim_line_end(d->terminator, next.offset - end, gap);
		if (len + ngap + next.length > (size_t) zfdw_max_record_length)
		{
			zf_error_set(err, ZF_E_LIMIT,
						 "a quoted value that starts in record %llu goes on for more than %d bytes of lines",
						 (unsigned long long) r->number, zfdw_max_record_length);
			zf_error_hint(err, "A quote is probably missing; zfdw.max_record_length bounds a record.");
			return ZF_E_LIMIT;
		}
		zfdw_delim_space(d, &d->join, &d->joincap, len + ngap + next.length);
		memcpy(d->join + len, gap, ngap);
		memcpy(d->join + len + ngap, next.data, next.length);
		zf_delim_scan_feed(&d->opts, &scan, gap, ngap);
		len += ngap + next.length;
		end = next.offset + next.length;
		if (!zf_delim_scan_feed(&d->opts, &scan, next.data, next.length))
			break;
	}
	r->data = d->join;
	r->length = (uint32) len;
	return ZF_OK;
}

/*
 * Report a malformed record; returns false (skip it) unless on_error
 * stop, a limit or reject_limit ends the scan.
 */
static bool
reject_record(ZfScanState *s, const zf_error *raw)
{
	ZfTable    *t = s->t;
	char		hex[3 * 16 + 8];
	StringInfoData detail;
	zf_error	prepared;
	const zf_error *err = &prepared;

	zfdw_error_prepare(raw, &prepared);

	initStringInfo(&detail);
	if (err->offset >= 0 && err->offset < s->rec.length)
	{
		zf_hex(hex, sizeof(hex), s->rec.data + err->offset,
			   s->rec.length - err->offset, 12);
		appendStringInfo(&detail, "At byte %lld of the record: X'%s'.",
						 (long long) err->offset + 1, hex);
	}
	else if (err->offset >= 0)
		appendStringInfo(&detail, "At the end of the record (%u bytes).", s->rec.length);
	if (err->detail[0])
		appendStringInfo(&detail, "%s%s", detail.len ? " " : "", err->detail);

	if (t->opts.on_error == ZF_ON_ERROR_STOP || err->status == ZF_E_LIMIT || t->opts.log_verbose)
		ereport(t->opts.on_error == ZF_ON_ERROR_STOP || err->status == ZF_E_LIMIT ? ERROR : NOTICE,
				(errcode(zfdw_sqlstate(err->status)),
				 errmsg("%s", err->message),
				 detail.len ? errdetail("%s", detail.data) : 0,
				 err->hint[0] ? errhint("%s", err->hint) :
				 t->opts.on_error == ZF_ON_ERROR_STOP ?
				 errhint("Set the table option on_error to 'skip' to read past malformed records.") : 0));
	zfdw_count_rejected(t, &s->nrejected, err->message);
	return false;
}

/* Normalise a name for matching: trimmed, lower case, '_' for punctuation. */
static char *
normalise_name(const char *s, size_t n)
{
	char	   *out;
	size_t		j = 0;

	while (n > 0 && (*s == ' ' || *s == '\t'))
	{
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	out = palloc(n + 1);
	for (size_t i = 0; i < n; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c >= 'A' && c <= 'Z')
			c = c - 'A' + 'a';
		else if (c < 0x80 && !isalnum(c) && c != '_')
			c = '_';
		out[j++] = (char) c;
	}
	out[j] = '\0';
	return out;
}

/* The bytes of field k of the current record, quotes collapsed. */
const uint8 *
zfdw_delim_field_bytes(ZfDelimited *d, const uint8 *data, uint32 k, uint32 *len)
{
	const zf_delim_field *f = &d->fields[k];

	if (!f->doubled)
	{
		*len = f->length;
		return data + f->offset;
	}
	zfdw_delim_space(d, &d->scratch, &d->scratchcap, f->length);
	*len = zf_delim_unquote(&d->opts, data + f->offset, f->length, d->scratch);
	return d->scratch;
}

/*
 * The first record of a file with header true: its field names, matched
 * with the columns that go by name.  When none of the columns named after
 * themselves is found, they go by position instead.
 */
static void
read_header(ZfScanState *s)
{
	ZfTable    *t = s->t;
	ZfDelimited *d = t->delim;
	MemoryContext old = MemoryContextSwitchTo(d->cxt);
	char	  **names = palloc(sizeof(char *) * Max(d->nfields, 1));
	StringInfoData list;
	int			found = 0,
				missing = 0;

	initStringInfo(&list);
	for (uint32 k = 0; k < d->nfields; k++)
	{
		uint32		n;
		const uint8 *p = zfdw_delim_field_bytes(d, s->rec.data, k, &n);
		size_t		cap = zf_codepage_utf8_bound(t->cp, n) + 8;
		char	   *text = palloc(cap);
		size_t		tlen;
		zf_error	err;

		zf_error_clear(&err);
		if (zf_codepage_decode(t->cp, p, n, text, cap, &tlen, &err) != ZF_OK)
			ereport(ERROR,
					(errcode(zfdw_sqlstate(err.status)),
					 errmsg("header field %u does not decode in code page %s: %s",
							k + 1, zf_codepage_name(t->cp), err.message)));
		names[k] = normalise_name(text, tlen);
		appendStringInfo(&list, "%s%s", k ? ", " : "", names[k]);
	}
	d->expected = (int32) d->nfields;
	d->opts.expected_fields = d->nfields;

	/* match by name; remember which columns named after themselves miss */
	for (int i = 0; i < d->ncols; i++)
	{
		ZfDelimColumn *dc = &d->cols[i];
		char	   *want;
		int32		match = -1;

		if (!dc->data || dc->match_name == NULL)
			continue;
		want = normalise_name(dc->match_name, strlen(dc->match_name));
		for (uint32 k = 0; k < d->nfields; k++)
			if (strcmp(names[k], want) == 0)
			{
				if (match >= 0)
					ereport(ERROR,
							(errcode(ERRCODE_FDW_COLUMN_NAME_NOT_FOUND),
							 errmsg("column \"%s\" of foreign table \"%s\" matches header fields %d and %u",
									t->columns[i].attname, t->relname, match + 1, k + 1),
							 errhint("Name the field by number, as field '%d'.", match + 1)));
				match = (int32) k;
			}
		dc->fieldno = match;
		if (match >= 0 && !dc->explicit_name)
			found++;
		else if (match < 0 && !dc->explicit_name)
			missing++;
		else if (match < 0)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_COLUMN_NAME_NOT_FOUND),
					 errmsg("column \"%s\" of foreign table \"%s\": the header has no field \"%s\"",
							t->columns[i].attname, t->relname, dc->match_name),
					 errdetail("The header's fields are: %s.", list.data)));
	}
	if (found == 0)
	{
		/* nothing matched: the header is only skipped */
		for (int i = 0; i < d->ncols; i++)
			if (d->cols[i].data && d->cols[i].match_name && !d->cols[i].explicit_name)
				d->cols[i].fieldno = d->cols[i].positional;
	}
	else if (missing > 0)
	{
		StringInfoData cols;

		initStringInfo(&cols);
		for (int i = 0; i < d->ncols; i++)
			if (d->cols[i].data && d->cols[i].match_name && d->cols[i].fieldno < 0)
				appendStringInfo(&cols, "%s%s", cols.len ? ", " : "", t->columns[i].attname);
		ereport(ERROR,
				(errcode(ERRCODE_FDW_COLUMN_NAME_NOT_FOUND),
				 errmsg("foreign table \"%s\" has columns the header does not name: %s",
						t->relname, cols.data),
				 errdetail("The header's fields are: %s.", list.data),
				 errhint("Name their fields with OPTIONS (field 'name') or field '3'.")));
	}
	MemoryContextSwitchTo(old);
}

/* True when the current record's segment field holds segment_value. */
static bool
segment_matches(ZfDelimited *d, const uint8 *data)
{
	int32		k = d->segment_column >= 0 ? d->cols[d->segment_column].fieldno :
		d->segment_fieldno;
	uint32		n;
	const uint8 *p;

	if (k < 0 || (uint32) k >= d->nfields)
		return false;
	p = zfdw_delim_field_bytes(d, data, (uint32) k, &n);
	while (n > d->segment_len && p[n - 1] == d->opts.space)
		n--;
	return n == d->segment_len && memcmp(p, d->segment_bytes, n) == 0;
}

/*
 * Split the current record into its fields.  Returns false when the
 * record is not a row: a header, filtered out, or malformed and skipped.
 */
bool
zfdw_delim_split_record(ZfScanState *s)
{
	ZfTable    *t = s->t;
	ZfDelimited *d = t->delim;
	const uint8 *data = s->rec.data;
	uint32		len = s->rec.length;
	uint32		skip = 0;
	zf_error	err;
	zf_status	st;

	if (d->fixed_padding)
		while (len > 0 && data[len - 1] == d->opts.space)
			len--;
	if (d->utf8 && s->rec.number == 1 && len >= 3 &&
		data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
		skip = 3;				/* a byte-order mark */
	for (;;)
	{
		zf_error_clear(&err);
		st = zf_delim_split(&d->opts, data + skip, len - skip, d->fields,
							d->maxfields, &d->nfields, &err);
		if (st != ZF_E_LIMIT || d->maxfields >= (uint32) zfdw_max_fields)
			break;
		d->maxfields = Min(d->maxfields * 4, (uint32) zfdw_max_fields);
		d->fields = repalloc(d->fields, sizeof(zf_delim_field) * d->maxfields);
	}
	if (skip > 0)
	{
		for (uint32 k = 0; k < d->nfields; k++)
			d->fields[k].offset += skip;
		if (err.offset >= 0)
			err.offset += skip;
	}
	if (st == ZF_E_LIMIT)
		zf_error_hint(&err, "zfdw.max_fields bounds the fields of a record.");
	if (st != ZF_OK)
	{
		d->nfields = 0;
		return reject_record(s, &err);
	}

	if (d->header && s->rec.number == 1)
	{
		read_header(s);
		return false;
	}
	if (d->segment_bytes && !segment_matches(d, data))
	{
		s->nfiltered++;
		return false;
	}
	if (d->expected >= 0 && d->nfields != (uint32) d->expected)
	{
		zf_error_set(&err, ZF_E_BAD_DATA, "record has %u field%s where %d are expected",
					 d->nfields, d->nfields == 1 ? "" : "s", d->expected);
		if (d->nfields == 1 && d->expected > 1)
			zf_error_hint(&err, "The record holds no delimiter X'%02X': check the codepage and delimiter options.",
						  d->opts.delimiter);
		else if (d->header)
			zf_error_hint(&err, "The header has %d fields; every record must have as many.",
						  d->expected);
		else if (t->layout->source != ZF_SOURCE_COLUMNS)
			zf_error_hint(&err, "The layout has %d fields; every record must have as many.",
						  d->expected);
		else
			zf_error_hint(&err, "The table's %d columns read the fields in order; to read some fields only, give the columns field options ('1', '2', ...).",
						  d->expected);
		return reject_record(s, &err);
	}
	return true;
}

/* ---- EXPLAIN ---- */

/* A delimiter for EXPLAIN: the option as given and its byte in the page. */
static char *
delimiter_description(const char *text, int byte)
{
	if (byte < 0)
		return "none";
	if (text[0] == 'x' || text[0] == 'X')
		return psprintf("X'%02X'", byte);
	if ((unsigned char) text[0] < 0x20)
		return psprintf("U+%04X (X'%02X')", (unsigned char) text[0], byte);
	return psprintf("'%s' (X'%02X')", text, byte);
}

/* EXPLAIN's lines for a delimited table. */
void
zfdw_delim_explain(ZfTable *t, ExplainState *es)
{
	ZfDelimited *d = t->delim;
	static const char *const framings[] = {"fb", "vb", "vb_bdw", "vbs", "text"};

	ExplainPropertyText("Framing", framings[t->opts.recfm], es);
	ExplainPropertyText("Delimiter", delimiter_description(d->delimiter_text, d->opts.delimiter), es);
	ExplainPropertyText("Quote", delimiter_description(d->quote_text, d->opts.quote), es);
	if (t->opts.null_string)
		ExplainPropertyText("Null String", t->opts.null_string, es);
	if (d->header)
		ExplainPropertyBool("Header", true, es);
}

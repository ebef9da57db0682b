/*-------------------------------------------------------------------------
 *
 * errors.c
 *	  Turn the core's error values into PostgreSQL errors: a SQLSTATE
 *	  chosen from the status, the core's message, detail and hint, and for
 *	  data errors the field, its byte offset and the bytes it holds.
 *
 * The context line (foreign table, file, record number, offset) comes
 * from the scan's error context callback (executor.c), as file_fdw does
 * with its line numbers.
 *
 * The core's texts quote bytes of the input (a copybook token, a field)
 * and are cut to fixed lengths, so they may hold bytes that are not valid
 * in the database encoding; zfdw_error_prepare() makes them safe to send,
 * and names the setting to raise when a limit was hit.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"
#include "diag/diag.h"

#include "mb/pg_wchar.h"

/* The SQLSTATE for a core status. */
int
zfdw_sqlstate(zf_status status)
{
	switch (status)
	{
		case ZF_E_BAD_DATA:
			return ERRCODE_INVALID_BINARY_REPRESENTATION;
		case ZF_E_OVERFLOW:
			return ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE;
		case ZF_E_SYNTAX:
			return ERRCODE_SYNTAX_ERROR;
		case ZF_E_UNSUPPORTED:
			return ERRCODE_FEATURE_NOT_SUPPORTED;
		case ZF_E_FRAMING:
			return ERRCODE_BAD_COPY_FILE_FORMAT;
		case ZF_E_IO:
			return ERRCODE_IO_ERROR;
		case ZF_E_LIMIT:
			return ERRCODE_PROGRAM_LIMIT_EXCEEDED;
		case ZF_E_NOMEM:
			return ERRCODE_OUT_OF_MEMORY;
		case ZF_E_CODEPAGE:
			return ERRCODE_UNTRANSLATABLE_CHARACTER;
		case ZF_E_ARG:
			return ERRCODE_INVALID_PARAMETER_VALUE;
		case ZF_OK:
		case ZF_EOF:
			break;
	}
	return ERRCODE_INTERNAL_ERROR;
}

/*
 * Replace every byte of s that does not start a valid character of the
 * database encoding with '?', so that a message never carries invalid
 * text to the client, the log or an exception handler.
 */
static void
make_valid_text(char *s)
{
	int			encoding = GetDatabaseEncoding();
	int			len = (int) strlen(s);
	int			pos = 0;

	while (pos < len)
	{
		int			ok = pg_encoding_verifymbstr(encoding, s + pos, len - pos);

		pos += ok;
		if (pos < len)
			s[pos++] = '?';
	}
}

/*
 * The setting that bounds what a limit error is about, or NULL for the
 * fixed limits (a PICTURE repeat count, nesting, DDL).
 */
static const char *
limit_setting(zf_limit_kind kind)
{
	switch (kind)
	{
		case ZF_LIMIT_OCCURS:
			return "zfdw.max_occurs";
		case ZF_LIMIT_FIELDS:
			return "zfdw.max_fields";
		case ZF_LIMIT_SOURCE:
			return "zfdw.max_layout_source";
		case ZF_LIMIT_RECORD_LENGTH:
			return "zfdw.max_record_length";
		case ZF_LIMIT_NONE:
			break;
	}
	return NULL;
}

/*
 * Copy a core error into *out, ready for ereport: texts valid in the
 * database encoding, and for a limit the setting that raises it as hint.
 */
void
zfdw_error_prepare(const zf_error *err, zf_error *out)
{
	*out = *err;
	make_valid_text(out->message);
	make_valid_text(out->detail);
	make_valid_text(out->hint);
	if (out->status == ZF_E_LIMIT)
	{
		const char *setting = limit_setting(out->limit);

		if (setting != NULL)
			snprintf(out->hint, sizeof(out->hint),
					 "If the input is genuine, a superuser may raise the setting %s.",
					 setting);
	}
}

/*
 * Report a core error that is not about one record's data: a copybook or
 * punch that does not parse, a limit, an I/O error, a broken record
 * frame.  what names the source (a file name, an option), or is NULL: then
 * the detail is the error's own.
 */
void
zfdw_report(int elevel, const zf_error *raw, const char *what)
{
	char		where[128] = "";
	zf_error	prepared;
	const zf_error *err = &prepared;

	zfdw_error_prepare(raw, &prepared);

	if (err->line > 0)
		snprintf(where, sizeof(where), " (line %d, column %d)", err->line, err->column);
	if (err->status == ZF_E_IO && err->sys_errno != 0)
		errno = err->sys_errno;
	ereport(elevel,
			(errcode(zfdw_sqlstate(err->status)),
			 errmsg("%s", err->message[0] ? err->message : zf_status_name(err->status)),
			 (what || where[0]) ? errdetail("In %s%s.%s%s", what ? what : "", where,
											err->detail[0] ? " " : "", err->detail) :
			 err->detail[0] ? errdetail("%s", err->detail) : 0,
			 err->hint[0] ? errhint("%s", err->hint) : 0));
	pg_unreachable();
}

/*
 * Report a data error in one field of one record, naming the field, its
 * place and the bytes it holds.  elevel ERROR stops the scan; NOTICE or
 * WARNING is used by on_error null/skip with log_verbosity verbose.
 */
void
zfdw_report_data_error(int elevel, ZfTable *t, const ZfRecordRef *rec,
					   const ZfColumn *col, const zf_error *raw,
					   uint32 field_offset, uint32 field_length)
{
	char		hex[3 * 64 + 8];
	StringInfoData detail;
	StringInfoData hint;
	uint32		show = field_length;
	zf_error	prepared;
	const zf_error *err = &prepared;

	zfdw_error_prepare(raw, &prepared);

	initStringInfo(&detail);
	if (col != NULL && col->f != NULL)
	{
		const zf_field *f = col->f;

		if (field_length == 0 || field_offset + field_length > rec->length)
			show = 0;
		zf_hex(hex, sizeof(hex), rec->data + field_offset, show,
			   (size_t) Min(zfdw_max_error_bytes, 64));
		appendStringInfo(&detail, "Field %s (%s%s%s) of column \"%s\"",
						 f->name[0] ? f->name : "FILLER", f->usage ? f->usage : "group",
						 f->picture ? " pic " : "", f->picture ? f->picture : "",
						 col->attname);
		if (show > 0)
			appendStringInfo(&detail, " at record byte offset %u holds X'%s'",
							 field_offset, hex);
		if (err->offset >= 0 && show > 0)
			appendStringInfo(&detail, "; the problem is at byte %lld of the field",
							 (long long) err->offset + 1);
		appendStringInfoChar(&detail, '.');
	}
	/* the core's own dump of the field's bytes repeats what is shown above */
	if (err->detail[0] && !(show > 0 && strncmp(err->detail, "The field's bytes are", 21) == 0))
		appendStringInfo(&detail, "%s%s", detail.len ? " " : "", err->detail);
	/* stopping: the likely cause first, on_error last (diag/hints.c) */
	initStringInfo(&hint);
	if (elevel >= ERROR)
		zfdw_data_error_hint(&hint, t, rec, col, err, field_offset, field_length);
	else if (err->hint[0])
		appendStringInfoString(&hint, err->hint);
	ereport(elevel,
			(errcode(zfdw_sqlstate(err->status)),
			 errmsg("%s", err->message[0] ? err->message : zf_status_name(err->status)),
			 detail.len ? errdetail("%s", detail.data) : 0,
			 hint.len ? errhint("%s", hint.data) : 0));
}

/*
 * Count one record skipped under on_error 'skip' (or 'ignore'), and end
 * the scan when reject_limit says too many were: the same rule for
 * copybook and delimited tables.
 */
void
zfdw_count_rejected(const ZfTable *t, uint64 *nrejected, const char *last_message)
{
	(*nrejected)++;
	if (t->opts.reject_limit > 0 && *nrejected > (uint64) t->opts.reject_limit)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("skipped more than reject_limit (" INT64_FORMAT ") records of foreign table \"%s\"",
						t->opts.reject_limit, t->relname),
				 errhint("The last one: %s.", last_message)));
}

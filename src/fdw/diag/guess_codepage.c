/*-------------------------------------------------------------------------
 *
 * guess_codepage.c
 *	  zfdw.guess_codepage(filename, options): the national EBCDIC pages
 *	  ranked by how well they read the file's text (core's
 *	  diag/textscore.h), best first, with a sample of the text in each.
 *
 * options (jsonb): "lrecl" (fixed record length) with "text", an array
 * of [offset, length] pairs (0-based) of the text fields, so that only
 * text is weighed; without them the first 64 kB are weighed whole (the
 * score only counts bytes inside words, which binary fields rarely are).
 * Reading a server file needs superuser or pg_read_server_files.
 *
 *-------------------------------------------------------------------------
 */
#include "diag/diag.h"

#include "catalog/pg_authid.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/tuplestore.h"

#include "diag/plausible.h"
#include "diag/textscore.h"

PG_FUNCTION_INFO_V1(zfdw_guess_codepage);

/* An integer member of a jsonb object, or dflt. */
static int64
json_int(Jsonb *j, const char *key, int64 dflt)
{
	JsonbValue *v = getKeyJsonValueFromContainer(&j->root, key, strlen(key), NULL);

	if (v == NULL)
		return dflt;
	if (v->type != jbvNumeric)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("option \"%s\" of guess_codepage must be a number", key)));
	return DatumGetInt64(DirectFunctionCall1(numeric_int8, NumericGetDatum(v->val.numeric)));
}

/* The text bytes to weigh: the text fields of each record, or everything. */
static uint8 *
text_of(const uint8 *sample, size_t n, Jsonb *opts, size_t *len)
{
	int64		lrecl = json_int(opts, "lrecl", 0);
	JsonbValue *spans = getKeyJsonValueFromContainer(&opts->root, "text", 4, NULL);
	uint8	   *out;
	size_t		pos = 0;
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	int64		pair[2];
	int			k = 0;
	List	   *offs = NIL;

	if (lrecl <= 0 || spans == NULL || spans->type != jbvBinary)
	{
		*len = n;
		return (uint8 *) sample;
	}
	/* [[offset, length], ...] */
	it = JsonbIteratorInit((JsonbContainer *) spans->val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &v, false)) != WJB_DONE)
	{
		if (tok != WJB_ELEM)
			continue;
		if (v.type != jbvNumeric)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("option \"text\" of guess_codepage must be an array of [offset, length] pairs")));
		pair[k++] = DatumGetInt64(DirectFunctionCall1(numeric_int8, NumericGetDatum(v.val.numeric)));
		if (k == 2)
		{
			if (pair[0] < 0 || pair[1] <= 0 || pair[0] + pair[1] > lrecl)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("text field [%lld, %lld] is outside the record length %lld",
								(long long) pair[0], (long long) pair[1], (long long) lrecl)));
			offs = lappend_int(lappend_int(offs, (int) pair[0]), (int) pair[1]);
			k = 0;
		}
	}
	out = palloc(n + n / 2 + 1);
	for (size_t off = 0; off + (size_t) lrecl <= n; off += (size_t) lrecl)
		for (int i = 0; i + 1 < list_length(offs); i += 2)
		{
			int			o = list_nth_int(offs, i);
			int			l = list_nth_int(offs, i + 1);

			if (pos + (size_t) l + 1 > n + n / 2)
				break;
			memcpy(out + pos, sample + off + o, l);
			pos += l;
			out[pos++] = 0x40;
		}
	*len = pos;
	return out;
}

/*
 * guess_codepage(filename text, options jsonb DEFAULT '{}')
 * RETURNS TABLE (codepage text, score real, sample text)
 */
Datum
zfdw_guess_codepage(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *path = text_to_cstring(PG_GETARG_TEXT_PP(0));
	Jsonb	   *opts = PG_GETARG_JSONB_P(1);
	uint8	   *sample = palloc(ZF_PLAUSIBLE_SAMPLE);
	uint8	   *text;
	size_t		n = 0,
				len;
	int64		size;
	zf_byte_source *bytes;
	zf_text_score ranked[ZF_TEXTSCORE_PAGES];
	int			nranked;
	zf_error	err;

	if (!has_privs_of_role(GetUserId(), ROLE_PG_READ_SERVER_FILES))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("only superuser or a role with privileges of the pg_read_server_files role may read server files")));
	if (!JB_ROOT_IS_OBJECT(opts))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the options of guess_codepage must be a jsonb object")));
	zf_error_clear(&err);
	bytes = zfdw_open_file_bytes(InvalidOid, path, &err);
	if (bytes == NULL)
		zfdw_report_open_error(&err, NULL);
	size = zf_bytes_size(bytes);
	if (zf_bytes_read_full(bytes, sample,
						   size >= 0 ? Min((uint64) size, ZF_PLAUSIBLE_SAMPLE) : ZF_PLAUSIBLE_SAMPLE,
						   &n, &err) != ZF_OK)
	{
		zfdw_close_bytes(bytes, NULL);
		zfdw_report(ERROR, &err, path);
	}
	zfdw_close_bytes(bytes, NULL);

	text = text_of(sample, n, opts, &len);
	zf_error_clear(&err);
	if (zf_text_rank_pages(text, len, ranked, &nranked, &err) != ZF_OK)
		zfdw_report(ERROR, &err, "guess_codepage");

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < nranked; i++)
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};
		char		buf[4 * ZF_TEXTSCORE_SAMPLE];
		const zf_codepage *cp = zf_codepage_lookup(ranked[i].page, &err);
		int64		at = -1;

		/* the sample: around the first national character in a word */
		for (size_t k = 1; k + 1 < len && at < 0; k++)
			if (text[k] != 0x40 && !(text[k] >= 0xC1 && text[k] <= 0xE9) &&
				!(text[k] >= 0x81 && text[k] <= 0xA9) && !(text[k] >= 0xF0) &&
				text[k - 1] >= 0x81 && text[k - 1] <= 0xE9)
				at = (int64) k;
		if (cp == NULL)
			continue;
		zf_text_sample(cp, text, len, at, buf, sizeof(buf));
		values[0] = CStringGetTextDatum(ranked[i].page);
		values[1] = Float4GetDatum((float4) ranked[i].score);
		values[2] = CStringGetTextDatum(buf);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

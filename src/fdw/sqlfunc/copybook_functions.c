/*-------------------------------------------------------------------------
 *
 * copybook_functions.c
 *	  zfdw.copybook_for(query, options): a COBOL copybook whose record
 *	  holds the result columns of a query without loss, so that a table
 *	  can be written to a file a COBOL program reads without a copybook
 *	  of one's own.
 *
 * Types map as follows (core's copybook writer makes the text):
 *	  smallint, integer, bigint	PIC S9(4) / S9(9) / S9(18) COMP-5 (the
 *								full binary range of 2, 4, 8 bytes)
 *	  numeric(p,s)				PIC S9(p-s)V9(s) COMP-3 (p up to 31)
 *	  real, double precision	COMP-2 (long HFP holds every double in
 *								its range, about 5.4e-79 to 7.2e75;
 *								INSERT refuses one outside it)
 *	  varchar(n), char(n)		PIC X(n * bytes per character of the
 *								code page: 1, or for a mixed DBCS page
 *								2n + 2 for SO and SI)
 *	  text						PIC X(text_length), when the options give it
 *	  date						PIC 9(8), written and read with the column
 *								option format 'YYYYMMDD'
 * Anything else (numeric without a precision, timestamps, arrays, ...) is
 * refused with the type named: a copybook that would lose data is never
 * made.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/plancache.h"

#include "cobol/copybook_write.h"

PG_FUNCTION_INFO_V1(zfdw_copybook_for);

/* A string member of the options object, or NULL. */
static char *
option_text(Jsonb *opts, const char *key)
{
	JsonbValue	k,
			   *v;

	if (opts == NULL)
		return NULL;
	k.type = jbvString;
	k.val.string.val = (char *) key;
	k.val.string.len = strlen(key);
	v = findJsonbValueFromContainer(&opts->root, JB_FOBJECT, &k);
	if (v == NULL)
		return NULL;
	if (v->type == jbvString)
		return pnstrdup(v->val.string.val, v->val.string.len);
	if (v->type == jbvNumeric)
		return DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(v->val.numeric)));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("option \"%s\" must be a string or a number", key)));
	return NULL;
}

/* Refuse a column whose type has no lossless COBOL item. */
pg_noreturn static void
refuse_column(const char *name, Oid typid, int32 typmod, const char *hint)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("column \"%s\" of type %s has no lossless COBOL item", name,
					format_type_with_typemod(typid, typmod)),
			 hint ? errhint("%s", hint) : 0));
	pg_unreachable();
}

Datum
zfdw_copybook_for(PG_FUNCTION_ARGS)
{
	char	   *query = text_to_cstring(PG_GETARG_TEXT_PP(0));
	Jsonb	   *opts = PG_ARGISNULL(1) ? NULL : PG_GETARG_JSONB_P(1);
	char	   *record = option_text(opts, "record");
	char	   *text_length = option_text(opts, "text_length");
	char	   *cpname = option_text(opts, "codepage");
	const zf_codepage *cp;
	int			per_char = 1;
	SPIPlanPtr	plan;
	List	   *sources;
	TupleDesc	desc;
	zf_cb_item *items;
	int			n = 0;
	zf_error	err;
	char	   *buf;
	size_t		cap,
				len;

	zf_error_clear(&err);
	cp = zf_codepage_lookup(cpname ? cpname : "cp037", &err);
	if (cp == NULL)
		zfdw_report(ERROR, &err, "the codepage option");
	if (zf_codepage_kind(cp) == ZF_CP_EBCDIC_MIXED)
		per_char = 2;
	else if (zf_codepage_kind(cp) == ZF_CP_UTF8)
		per_char = 4;

	SPI_connect();
	plan = SPI_prepare(query, 0, NULL);
	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	sources = SPI_plan_get_plan_sources(plan);
	if (list_length(sources) != 1 ||
		((CachedPlanSource *) linitial(sources))->resultDesc == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("copybook_for needs one query that returns rows")));
	desc = ((CachedPlanSource *) linitial(sources))->resultDesc;

	items = palloc0(sizeof(zf_cb_item) * Max(desc->natts, 1));
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute a = TupleDescAttr(desc, i);
		zf_cb_item *it = &items[n];
		const char *name = NameStr(a->attname);

		if (a->attisdropped)
			continue;
		it->name = pstrdup(name);
		switch (a->atttypid)
		{
			case INT2OID:
				it->kind = ZF_CB_BINARY;
				it->digits = 4;
				break;
			case INT4OID:
				it->kind = ZF_CB_BINARY;
				it->digits = 9;
				break;
			case INT8OID:
				it->kind = ZF_CB_BINARY;
				it->digits = 18;
				break;
			case FLOAT4OID:
			case FLOAT8OID:
				it->kind = ZF_CB_DOUBLE;
				break;
			case NUMERICOID:
				{
					int			p,
								s;

					if (a->atttypmod < (int32) VARHDRSZ)
						refuse_column(name, a->atttypid, a->atttypmod,
									  "Give the column a precision and scale, e.g. balance::numeric(15,2).");
					p = ((a->atttypmod - VARHDRSZ) >> 16) & 0xffff;
					s = (((a->atttypmod - VARHDRSZ) & 0x7ff) ^ 1024) - 1024;
					if (p > 31 || s < 0 || s > p)
						refuse_column(name, a->atttypid, a->atttypmod,
									  "A packed decimal holds up to 31 digits and a scale from 0 to its precision.");
					it->kind = ZF_CB_PACKED;
					it->digits = p;
					it->scale = s;
					break;
				}
			case VARCHAROID:
			case BPCHAROID:
				if (a->atttypmod < (int32) VARHDRSZ)
				{
					if (text_length == NULL)
						refuse_column(name, a->atttypid, a->atttypmod,
									  "Give a maximum length: cast the column to varchar(n), or set the option text_length.");
					it->length = (uint32) pg_strtoint32(text_length);
				}
				else
					it->length = (uint32) (a->atttypmod - VARHDRSZ);
				it->kind = ZF_CB_ALNUM;
				break;
			case TEXTOID:
				if (text_length == NULL)
					refuse_column(name, a->atttypid, a->atttypmod,
								  "Give a maximum length: cast the column to varchar(n), or set the option text_length.");
				it->kind = ZF_CB_ALNUM;
				it->length = (uint32) pg_strtoint32(text_length);
				break;
			case DATEOID:
				it->kind = ZF_CB_ZONED_DATE;
				it->comment = psprintf("%s: a date as YYYYMMDD; column option format 'YYYYMMDD'", name);
				break;
			default:
				refuse_column(name, a->atttypid, a->atttypmod, NULL);
		}
		if (it->kind == ZF_CB_ALNUM)
		{
			if (it->length < 1 || it->length > (uint32) zfdw_max_record_length / 4)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("text length %u of column \"%s\" is out of range", it->length, name)));
			if (per_char > 1)
			{
				it->comment = psprintf("%s: %u characters of code page %s", name,
									   it->length, zf_codepage_name(cp));
				it->length = it->length * per_char + (per_char == 2 ? 2 : 0);
			}
		}
		n++;
	}
	SPI_finish();

	cap = zf_copybook_write_bound(items, n);
	buf = palloc(cap);
	if (zf_copybook_write(record ? record : "ZFDW-RECORD", items, n, buf, cap, &len, &err) != ZF_OK)
		zfdw_report(ERROR, &err, NULL);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, (int) len));
}

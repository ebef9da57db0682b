/*-------------------------------------------------------------------------
 *
 * value_functions.c
 *	  SQL functions that decode or encode one mainframe value held in a
 *	  bytea: zfdw.unpack_decimal, unzone, from_binary, from_hfp,
 *	  from_ebcdic, to_ebcdic, pack_decimal, tod_to_timestamptz,
 *	  lrsn_to_timestamptz.
 *
 * They are the core decoders one value at a time, for data that already
 * sits in a table; they are as strict as a scan: bad bytes are an error
 * that shows them.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "datatype/timestamp.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

#include "decode/floats.h"

PG_FUNCTION_INFO_V1(zfdw_unpack_decimal);
PG_FUNCTION_INFO_V1(zfdw_unzone);
PG_FUNCTION_INFO_V1(zfdw_from_binary);
PG_FUNCTION_INFO_V1(zfdw_from_hfp);
PG_FUNCTION_INFO_V1(zfdw_from_ebcdic);
PG_FUNCTION_INFO_V1(zfdw_to_ebcdic);
PG_FUNCTION_INFO_V1(zfdw_pack_decimal);
PG_FUNCTION_INFO_V1(zfdw_tod_to_timestamptz);
PG_FUNCTION_INFO_V1(zfdw_lrsn_to_timestamptz);

/* Report a decoding error; the core's detail shows the bytes. */
static void
value_error(const zf_error *raw, const bytea *b)
{
	char		hex[3 * 64 + 8];
	zf_error	prepared;
	const zf_error *err = &prepared;

	zfdw_error_prepare(raw, &prepared);

	zf_hex(hex, sizeof(hex), (const uint8 *) VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b), 64);
	ereport(ERROR,
			(errcode(zfdw_sqlstate(err->status)),
			 errmsg("%s", err->message),
			 err->detail[0] ? errdetail("%s", err->detail) : errdetail("The value is X'%s'.", hex),
			 err->hint[0] ? errhint("%s", err->hint) : 0));
}

/* Check a scale argument. */
static int
scale_arg(FunctionCallInfo fcinfo, int argno)
{
	int32		scale = PG_GETARG_INT32(argno);

	if (scale < -ZF_MAX_DIGITS || scale > 2 * ZF_MAX_DIGITS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("scale %d is out of range", scale)));
	return scale;
}

/* Look a code page up or fail. */
static const zf_codepage *
codepage_arg(FunctionCallInfo fcinfo, int argno)
{
	char	   *name = text_to_cstring(PG_GETARG_TEXT_PP(argno));
	zf_error	err;
	const zf_codepage *cp;

	zf_error_clear(&err);
	cp = zf_codepage_lookup(name, &err);
	if (cp == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s", err.message)));
	return cp;
}

/* unpack_decimal(bytea, scale): a packed decimal (COMP-3). */
Datum
zfdw_unpack_decimal(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	int			scale = scale_arg(fcinfo, 1);
	zf_int128	v;
	zf_error	err;
	Datum		value;

	/* up to 15 digits, the scan's way: straight into numeric's digit groups */
	if (zfdw_packed_to_numeric((const uint8 *) VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b),
							   true, false, scale, scale, &value))
		PG_RETURN_DATUM(value);
	zf_error_clear(&err);
	if (zf_packed_decode((const uint8 *) VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b), true, &v, &err) != ZF_OK)
		value_error(&err, b);
	PG_RETURN_DATUM(zfdw_scaled_int128_to_numeric(v, scale));
}

/* unzone(bytea, scale, codepage): a zoned decimal with trailing overpunch. */
Datum
zfdw_unzone(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	int			scale = scale_arg(fcinfo, 1);
	const zf_codepage *cp = codepage_arg(fcinfo, 2);
	zf_int128	v;
	zf_error	err;

	zf_error_clear(&err);
	if (zf_zoned_decode((const uint8 *) VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b),
						ZF_SIGN_TRAILING, zf_codepage_charset(cp), &v, &err) != ZF_OK)
		value_error(&err, b);
	PG_RETURN_DATUM(zfdw_scaled_int128_to_numeric(v, scale));
}

/* from_binary(bytea, scale, signed): a big-endian binary integer. */
Datum
zfdw_from_binary(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	int			scale = scale_arg(fcinfo, 1);
	bool		is_signed = PG_GETARG_BOOL(2);
	zf_int128	v;
	zf_error	err;

	zf_error_clear(&err);
	if (zf_binary_decode((const uint8 *) VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b),
						 is_signed, true, &v, &err) != ZF_OK)
		value_error(&err, b);
	PG_RETURN_DATUM(zfdw_scaled_int128_to_numeric(v, scale));
}

/* from_hfp(bytea): an IBM hexadecimal float of 4 or 8 bytes. */
Datum
zfdw_from_hfp(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	double		d;
	zf_error	err;

	zf_error_clear(&err);
	if (zf_hfp_to_double((const uint8 *) VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b), &d, &err) != ZF_OK)
		value_error(&err, b);
	PG_RETURN_FLOAT8(d);
}

/* from_ebcdic(bytea, codepage): text in a code page, untrimmed. */
Datum
zfdw_from_ebcdic(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	const zf_codepage *cp = codepage_arg(fcinfo, 1);
	size_t		n = VARSIZE_ANY_EXHDR(b);
	size_t		cap = zf_codepage_utf8_bound(cp, n) + 8;
	char	   *dst = palloc(cap);
	size_t		len;
	zf_error	err;

	zf_error_clear(&err);
	if (zf_codepage_decode(cp, (const uint8 *) VARDATA_ANY(b), n, dst, cap, &len, &err) != ZF_OK)
		value_error(&err, b);
	if (GetDatabaseEncoding() != PG_UTF8)
	{
		dst[len] = '\0';
		dst = pg_any_to_server(dst, (int) len, PG_UTF8);
		len = strlen(dst);
	}
	PG_RETURN_TEXT_P(cstring_to_text_with_len(dst, (int) len));
}

/* to_ebcdic(text, codepage): text encoded in a code page. */
Datum
zfdw_to_ebcdic(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const zf_codepage *cp = codepage_arg(fcinfo, 1);
	char	   *s = text_to_cstring(t);
	size_t		n;
	size_t		cap;
	bytea	   *res;
	size_t		len;
	zf_error	err;

	if (GetDatabaseEncoding() != PG_UTF8)
		s = (char *) pg_do_encoding_conversion((unsigned char *) s, (int) strlen(s),
											   GetDatabaseEncoding(), PG_UTF8);
	n = strlen(s);
	cap = n * 2 + 16;
	res = palloc(VARHDRSZ + cap);
	zf_error_clear(&err);
	if (zf_codepage_encode(cp, s, n, (uint8 *) VARDATA(res), cap, &len, &err) != ZF_OK)
		ereport(ERROR,
				(errcode(ERRCODE_UNTRANSLATABLE_CHARACTER),
				 errmsg("%s", err.message)));
	SET_VARSIZE(res, VARHDRSZ + len);
	PG_RETURN_BYTEA_P(res);
}

/* pack_decimal(numeric, digits, scale): a COMP-3 field of that picture. */
Datum
zfdw_pack_decimal(PG_FUNCTION_ARGS)
{
	Datum		num = PG_GETARG_DATUM(0);
	int32		digits = PG_GETARG_INT32(1);
	int			scale = scale_arg(fcinfo, 2);
	char	   *s = DatumGetCString(DirectFunctionCall1(numeric_out, num));
	zf_int128	v;
	zf_error	err;
	size_t		len;
	bytea	   *res;

	if (digits < 1 || digits > ZF_MAX_DIGITS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("digits must be between 1 and %d", ZF_MAX_DIGITS)));
	zf_error_clear(&err);
	if (zf_decimal_from_string(s, strlen(s), scale, &v, &err) != ZF_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s does not fit a packed decimal with scale %d", s, scale),
				 errdetail("%s", err.message)));
	len = zf_packed_length(digits);
	res = palloc(VARHDRSZ + len);
	SET_VARSIZE(res, VARHDRSZ + len);
	if (zf_packed_encode(v, digits, true, (uint8 *) VARDATA(res), &err) != ZF_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s does not fit %d digits", s, digits)));
	PG_RETURN_BYTEA_P(res);
}

/* A TOD clock value (any of the lengths the core knows) as timestamptz. */
static Datum
tod_datum(bytea *b)
{
	int64		usec;
	int64		picos;
	zf_error	err;
	TimestampTz ts;

	zf_error_clear(&err);
	if (zf_tod_to_unix_usec((const uint8 *) VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b), 0,
							&usec, &picos, &err) != ZF_OK)
		value_error(&err, b);
	ts = usec - (int64) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * USECS_PER_DAY;
	if (!IS_VALID_TIMESTAMP(ts))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("TOD clock value is out of range for a timestamp")));
	return TimestampTzGetDatum(ts);
}

/* tod_to_timestamptz(bytea): STCK (8 bytes) or STCKE (16 bytes). */
Datum
zfdw_tod_to_timestamptz(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	size_t		n = VARSIZE_ANY_EXHDR(b);

	if (n != 8 && n != 16)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a TOD clock value has 8 (STCK) or 16 (STCKE) bytes, not %zu", n)));
	PG_RETURN_DATUM(tod_datum(b));
}

/* lrsn_to_timestamptz(bytea): a DB2 LRSN of 6 bytes or 10 bytes (extended). */
Datum
zfdw_lrsn_to_timestamptz(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	size_t		n = VARSIZE_ANY_EXHDR(b);

	if (n != 6 && n != 10)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("an LRSN has 6 bytes (or 10 in extended format), not %zu", n)));
	PG_RETURN_DATUM(tod_datum(b));
}

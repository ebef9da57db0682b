/*-------------------------------------------------------------------------
 *
 * delimited_values.c
 *	  format 'delimited': the Datum of one column from its field's text.
 *
 * The field's bytes are unquoted, tested against the null string,
 * translated from the column's code page into UTF-8 and converted as any
 * text field is (convert.c), with two additions for numbers as DB2 writes
 * FLOAT EXTERNAL: floats through strtod (correctly rounded, as float8in),
 * and exponents into numeric or integers exactly.  No allocation per
 * field but the Datum.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include <math.h>

#include "utils/builtins.h"

#include "delimited/delimited.h"
#include "base/compiler.h"

/* True when an unquoted value is the null string. */
static inline bool
is_null(const ZfDelimited *d, const uint8 *p, uint32 n)
{
	if (d->null_bytes == NULL)
		return n == 0;
	return n == d->null_len && memcmp(p, d->null_bytes, n) == 0;
}

/*
 * Copy number text to a NUL-terminated buffer with '.' as decimal point
 * and without surrounding blanks; false when it is too long.
 */
static bool
number_text(ZfTable *t, const char *s, size_t n, char *dst, size_t cap,
			zf_error *err)
{
	while (n > 0 && *s == ' ')
	{
		s++;
		n--;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0)
		return zf_error_set(err, ZF_E_BAD_DATA, "empty text where a number was expected") == ZF_OK;
	if (n >= cap)
		return zf_error_set(err, ZF_E_OVERFLOW, "number text of %zu characters is too long", n) == ZF_OK;
	for (size_t i = 0; i < n; i++)
		dst[i] = s[i] == t->opts.decimal_point ? '.' : s[i];
	dst[n] = '\0';
	return true;
}

/*
 * A float column from text as DB2 writes FLOAT EXTERNAL (-1.25E+02) or
 * any decimal; strtod rounds correctly, as float8in does.
 */
static bool
float_value(ZfTable *t, ZfColumn *col, const char *s, size_t n, Datum *value,
			zf_error *err)
{
	char		txt[128];
	char	   *end;
	const char *word;

	if (!number_text(t, s, n, txt, sizeof(txt), err))
		return false;
	word = txt + (txt[0] == '+' || txt[0] == '-');
	if (strspn(txt, "0123456789.eE+-") != strlen(txt) &&
		pg_strcasecmp(word, "nan") != 0 && pg_strcasecmp(word, "inf") != 0 &&
		pg_strcasecmp(word, "infinity") != 0)
		return zf_error_set(err, ZF_E_BAD_DATA, "invalid number \"%s\"", txt) == ZF_OK;
	errno = 0;
	if (col->target == ZF_TARGET_FLOAT4)
	{
		float		f = strtof(txt, &end);

		if (end == txt || *end != '\0')
			return zf_error_set(err, ZF_E_BAD_DATA, "invalid number \"%s\"", txt) == ZF_OK;
		if (errno == ERANGE && (isinf(f) || f == 0.0f))
			return zf_error_set(err, ZF_E_OVERFLOW, "value %s is out of range for column \"%s\" of type real",
								txt, col->attname) == ZF_OK;
		*value = Float4GetDatum(f);
	}
	else
	{
		double		v = strtod(txt, &end);

		if (end == txt || *end != '\0')
			return zf_error_set(err, ZF_E_BAD_DATA, "invalid number \"%s\"", txt) == ZF_OK;
		if (errno == ERANGE && (isinf(v) || v == 0.0))
			return zf_error_set(err, ZF_E_OVERFLOW, "value %s is out of range for column \"%s\" of type double precision",
								txt, col->attname) == ZF_OK;
		*value = Float8GetDatum(v);
	}
	return true;
}

/*
 * A number with an exponent (FLOAT EXTERNAL) into numeric or an integer:
 * mantissa digits times a power of ten, exactly.
 */
static bool
exponent_value(ZfTable *t, ZfColumn *col, const char *s, size_t n,
			   Datum *value, zf_error *err)
{
	char		txt[128];
	char	   *e;
	char	   *point;
	char	   *end;
	long		exponent;
	int			frac = 0;
	zf_int128	v;

	if (!number_text(t, s, n, txt, sizeof(txt), err))
		return false;
	e = strpbrk(txt, "eE");
	*e = '\0';
	errno = 0;
	exponent = strtol(e + 1, &end, 10);
	if (e[1] == '\0' || *end != '\0' || errno != 0 || exponent > 400 || exponent < -400)
		return zf_error_set(err, ZF_E_BAD_DATA, "invalid exponent in number \"%s\"", s) == ZF_OK;
	point = strchr(txt, '.');
	if (point)
		for (char *p = point + 1; *p >= '0' && *p <= '9'; p++)
			frac++;
	if (zf_decimal_from_string(txt, strlen(txt), frac, &v, err) != ZF_OK)
		return false;
	if (frac - exponent > 2 * ZF_MAX_DIGITS || frac - exponent < -ZF_MAX_DIGITS)
	{
		if (v == 0)
			return zfdw_number_datum(col, 0, 0, value, err);
		return zf_error_set(err, ZF_E_OVERFLOW, "number %.*s is out of range", (int) n, s) == ZF_OK;
	}
	return zfdw_number_datum(col, v, (int) (frac - exponent), value, err);
}

/*
 * Decode one column of the current record: its field's bytes unquoted,
 * NULL when unquoted and equal to the null string, else translated from
 * the column's code page and converted as text.
 */
bool
zfdw_delim_decode_column(ZfTable *t, ZfColumn *col, const ZfRecordRef *rec,
						 ZfDecodeBuf *buf, Datum *value, bool *isnull,
						 zf_error *err, uint32 *eoff, uint32 *elen)
{
	ZfDelimited *d = t->delim;
	ZfDelimColumn *dc = &d->cols[col - t->columns];
	const zf_delim_field *f;
	const uint8 *p;
	uint32		n;
	size_t		cap,
				tlen;
	const char *s;

	if (dc->fieldno < 0)
	{
		zf_error_set(err, ZF_E_BAD_DATA, "column \"%s\" goes by the header, and the file's header could not be read",
					 col->attname);
		return false;
	}
	if ((uint32) dc->fieldno >= d->nfields)
	{
		zf_error_set(err, ZF_E_BAD_DATA, "record has %u fields and column \"%s\" reads field %d",
					 d->nfields, col->attname, dc->fieldno + 1);
		return false;
	}
	f = &d->fields[dc->fieldno];
	*eoff = f->offset;
	*elen = f->length;
	if (!f->quoted && is_null(d, rec->data + f->offset, f->length))
	{
		*isnull = true;
		return true;
	}
	p = zfdw_delim_field_bytes(d, rec->data, (uint32) dc->fieldno, &n);
	if (col->conv == ZF_CONV_BYTES)
	{
		bytea	   *b = (bytea *) palloc(VARHDRSZ + n);

		SET_VARSIZE(b, VARHDRSZ + n);
		memcpy(VARDATA(b), p, n);
		*value = PointerGetDatum(b);
		return true;
	}

	cap = zf_codepage_utf8_bound(col->cp, n) + 8;
	if (cap > buf->textcap)
	{
		buf->text = repalloc(buf->text, cap);
		buf->textcap = cap;
	}
	if (zf_codepage_decode(col->cp, p, n, buf->text, cap, &tlen, err) != ZF_OK)
		return false;
	s = buf->text;
	zf_utf8_trim(col->trim, false, &s, &tlen);

	switch (col->target)
	{
		case ZF_TARGET_FLOAT4:
		case ZF_TARGET_FLOAT8:
			return float_value(t, col, s, tlen, value, err);
		case ZF_TARGET_INT2:
		case ZF_TARGET_INT4:
		case ZF_TARGET_INT8:
		case ZF_TARGET_NUMERIC:
			if (memchr(s, 'E', tlen) || memchr(s, 'e', tlen))
				return exponent_value(t, col, s, tlen, value, err);
			ZF_FALLTHROUGH;
		default:
			return zfdw_text_to_datum(t, col, col->f, s, tlen, value, err);
	}
}

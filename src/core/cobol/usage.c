/*-------------------------------------------------------------------------
 *
 * usage.c
 *	  Usage words, and what a usage, a picture and a length make of an
 *	  elementary item: kind, byte length, digits, scale, sign.
 *
 * The copybook parser (copybook.c) and the explicit columns of a foreign
 * table (the fdw's options usage, pic and length) both call
 * zf_field_from_usage, so that a COMP-3 PIC S9(7)V99 is the same field
 * whichever way it was described.  The rules on which usage fits which
 * picture are IBM Enterprise COBOL's; sizes are IBM's (binary 2/4/8
 * bytes by digits, packed digits/2 + 1).
 *
 *-------------------------------------------------------------------------
 */
#include "cobol/usage.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* The words that name usages, and which vocabulary each belongs to. */
typedef struct usage_word
{
	const char *word;			/* upper case */
	zf_usage	usage;
	bool		cobol;			/* in a copybook */
	bool		option;			/* in the column option usage */
} usage_word;

static const usage_word usage_words[] = {
	{"DISPLAY", ZF_USAGE_DISPLAY, true, true},
	{"COMP", ZF_USAGE_COMP, true, true},
	{"COMPUTATIONAL", ZF_USAGE_COMP, true, false},
	{"COMP-4", ZF_USAGE_COMP, true, true},
	{"COMPUTATIONAL-4", ZF_USAGE_COMP, true, false},
	{"BINARY", ZF_USAGE_COMP, true, true},
	{"COMP-1", ZF_USAGE_COMP1, true, true},
	{"COMPUTATIONAL-1", ZF_USAGE_COMP1, true, false},
	{"COMP-2", ZF_USAGE_COMP2, true, true},
	{"COMPUTATIONAL-2", ZF_USAGE_COMP2, true, false},
	{"COMP-3", ZF_USAGE_COMP3, true, true},
	{"COMPUTATIONAL-3", ZF_USAGE_COMP3, true, false},
	{"PACKED-DECIMAL", ZF_USAGE_COMP3, true, true},
	{"COMP-5", ZF_USAGE_COMP5, true, true},
	{"COMPUTATIONAL-5", ZF_USAGE_COMP5, true, false},
	{"DISPLAY-1", ZF_USAGE_DISPLAY1, true, true},
	{"NATIONAL", ZF_USAGE_NATIONAL, true, true},
	{"INDEX", ZF_USAGE_INDEX, true, false},
	{"POINTER", ZF_USAGE_POINTER, true, false},
	{"COMP-X", ZF_USAGE_COMPX, true, true},
	{"COMPUTATIONAL-X", ZF_USAGE_COMPX, true, false},
	{"CHAR", ZF_USAGE_CHAR, false, true},
	{"VARCHAR", ZF_USAGE_VARCHAR, false, true},
	{"GRAPHIC", ZF_USAGE_DISPLAY1, false, true},
	{"VARGRAPHIC", ZF_USAGE_VARGRAPHIC, false, true},
	{"DATE", ZF_USAGE_DATE, false, true},
	{"TIME", ZF_USAGE_TIME, false, true},
	{"TIMESTAMP", ZF_USAGE_TIMESTAMP, false, true},
	{"BYTES", ZF_USAGE_BYTES, false, true},
	{NULL, ZF_USAGE_NONE, false, false}
};

/* Canonical names, indexed by zf_usage. */
static const char *const usage_names[] = {
	"display", "display", "comp", "comp-1", "comp-2", "comp-3", "comp-5",
	"display-1", "national", "index", "pointer", "comp-x",
	"char", "varchar", "vargraphic", "date", "time", "timestamp", "bytes"
};

/* See usage.h. */
zf_usage
zf_usage_lookup(const char *word, size_t len, zf_usage_words vocabulary)
{
	for (int i = 0; usage_words[i].word != NULL; i++)
	{
		const usage_word *w = &usage_words[i];
		bool		same = strlen(w->word) == len;

		if (!(vocabulary == ZF_USAGE_WORDS_COBOL ? w->cobol : w->option))
			continue;
		for (size_t k = 0; same && k < len; k++)
			same = toupper((unsigned char) word[k]) == w->word[k];
		if (same)
			return w->usage;
	}
	return ZF_USAGE_NONE;
}

/* See usage.h. */
const char *
zf_usage_name(zf_usage usage)
{
	if ((unsigned) usage >= sizeof(usage_names) / sizeof(usage_names[0]))
		return "display";
	return usage_names[usage];
}

/* See usage.h. */
bool
zf_usage_takes_picture(zf_usage usage)
{
	return usage != ZF_USAGE_COMP1 && usage != ZF_USAGE_COMP2 &&
		usage != ZF_USAGE_INDEX && usage != ZF_USAGE_POINTER;
}

/* True for the DB2 types: sized by the length, never by a picture. */
static bool
is_db2_type(zf_usage usage)
{
	return usage >= ZF_USAGE_CHAR;
}

/* Note which clause an error is about; returns the status. */
static zf_status
fault_at(zf_usage_fault *fault, zf_usage_fault which, zf_status st)
{
	if (fault != NULL)
		*fault = which;
	return st;
}

/*
 * COMP-1, COMP-2 (hexadecimal floats), INDEX and POINTER (fullwords of
 * 31-bit addressing): fixed sizes, no picture.
 */
static zf_status
fixed_size_item(zf_usage usage, const zf_picture *pic, zf_field *f,
				zf_usage_fault *fault, zf_error *err)
{
	if (pic != NULL)
	{
		zf_error_set(err, ZF_E_SYNTAX, "a %s item cannot have a PICTURE clause",
					 zf_usage_name(usage));
		return fault_at(fault, ZF_USAGE_FAULT_PICTURE, ZF_E_SYNTAX);
	}
	f->usage = zf_usage_name(usage);
	if (usage == ZF_USAGE_COMP1 || usage == ZF_USAGE_COMP2)
	{
		f->kind = ZF_KIND_FLOAT;
		f->length = usage == ZF_USAGE_COMP1 ? 4 : 8;
		f->is_signed = true;
	}
	else
	{
		f->kind = ZF_KIND_BINARY;
		f->length = 4;
		f->is_signed = (usage == ZF_USAGE_INDEX);
		f->binary_native = true;
	}
	return ZF_OK;
}

/*
 * A DB2 type in a column option: the length is the field's size (DATE,
 * TIME and TIMESTAMP EXTERNAL have their usual one); a picture only says
 * digits, scale and sign, as of DECIMAL EXTERNAL read as CHAR.
 */
static zf_status
db2_item(zf_usage usage, const zf_picture *pic, uint32_t length,
		 const char *name, zf_field *f, zf_usage_fault *fault, zf_error *err)
{
	static const zf_kind kinds[] = {
		ZF_KIND_ALNUM, ZF_KIND_VARCHAR, ZF_KIND_VARGRAPHIC, ZF_KIND_DATE,
		ZF_KIND_TIME, ZF_KIND_TIMESTAMP, ZF_KIND_BYTES
	};
	static const uint32_t default_length[] = {0, 0, 0, 10, 8, 26, 0};
	int			i = (int) usage - (int) ZF_USAGE_CHAR;

	if (pic != NULL)
	{
		f->digits = pic->digits;
		f->scale = pic->scale;
		f->is_signed = pic->is_signed;
	}
	f->kind = kinds[i];
	f->usage = zf_usage_name(usage);
	f->length = length > 0 ? length : default_length[i];
	if (usage == ZF_USAGE_VARCHAR || usage == ZF_USAGE_VARGRAPHIC)
		f->length_prefix = 2;
	if (f->length == 0)
	{
		zf_error_set(err, ZF_E_SYNTAX, "%s item \"%s\" has no length",
					 zf_usage_name(usage), name);
		return fault_at(fault, ZF_USAGE_FAULT_SIZE, ZF_E_SYNTAX);
	}
	return ZF_OK;
}

/* Decimal digits of the largest unsigned binary of n bytes, 0 to 8. */
static const uint16_t compx_alnum_digits[9] = {0, 3, 5, 8, 10, 13, 15, 17, 20};

/* COMP-X of more than 8 bytes: zfdw reads binaries of at most 8. */
static zf_status
compx_too_long(const char *name, zf_usage_fault *fault, zf_error *err)
{
	zf_error_set(err, ZF_E_UNSUPPORTED,
				 "COMP-X item \"%s\" is longer than 8 bytes; binary items of at most 8 bytes are supported",
				 name[0] ? name : "(unnamed)");
	return fault_at(fault, ZF_USAGE_FAULT_PICTURE, ZF_E_UNSUPPORTED);
}

/*
 * Micro Focus's COMP-X (GnuCOBOL lays it out the same in every
 * configuration, big-endian): PIC X(n) is an unsigned binary of n bytes
 * with its whole range; PIC 9(n) takes the fewest bytes that hold n
 * unsigned digits (also with an S: the value is then two's complement in
 * those bytes).  No truncation to the picture: the bytes' value is read.
 */
static zf_status
compx_item(const zf_picture *pi, const char *name, zf_field *f,
		   zf_usage_fault *fault, zf_error *err)
{
	static const uint8_t bytes_for_digits[19] = {1, 1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 5, 5, 6, 6, 7, 7, 8, 8};

	f->kind = ZF_KIND_BINARY;
	f->usage = "comp-x";
	f->binary_native = true;
	if (pi->kind == ZF_KIND_ALNUM)
	{
		if (pi->size > 8)
			return compx_too_long(name, fault, err);
		f->length = pi->size;
		f->digits = compx_alnum_digits[pi->size];
		f->scale = 0;
		f->is_signed = false;
		return ZF_OK;
	}
	if (pi->digits > 18)
		return compx_too_long(name, fault, err);
	f->length = bytes_for_digits[pi->digits];
	return ZF_OK;
}

/*
 * An item without a picture, sized by its length (explicit columns): a
 * packed field of n bytes has 2n-1 digits, a binary one its full range.
 */
static zf_status
sized_item(zf_usage usage, uint32_t length, const char *name, zf_field *f,
		   zf_usage_fault *fault, zf_error *err)
{
	if (length == 0)
	{
		zf_error_set(err, ZF_E_SYNTAX, "elementary item \"%s\" has no PICTURE clause",
					 name[0] ? name : "(unnamed)");
		return fault_at(fault, ZF_USAGE_FAULT_SIZE, ZF_E_SYNTAX);
	}
	f->length = length;
	f->usage = zf_usage_name(usage);
	switch (usage)
	{
		case ZF_USAGE_COMP3:
			f->kind = ZF_KIND_PACKED;
			f->is_signed = true;
			f->digits = (uint16_t) (length * 2 - 1);
			break;
		case ZF_USAGE_COMP:
		case ZF_USAGE_COMP5:
			f->kind = ZF_KIND_BINARY;
			f->is_signed = true;
			f->binary_native = true;
			break;
		case ZF_USAGE_COMPX:
			if (length > 8)
				return compx_too_long(name, fault, err);
			f->kind = ZF_KIND_BINARY;
			f->binary_native = true;
			f->digits = compx_alnum_digits[length];
			break;
		case ZF_USAGE_DISPLAY1:
			f->kind = ZF_KIND_DBCS;
			break;
		case ZF_USAGE_NATIONAL:
			f->kind = ZF_KIND_NATIONAL;
			break;
		default:
			f->kind = ZF_KIND_ALNUM;
			break;
	}
	return ZF_OK;
}

/* "USAGE comp-3 does not fit the alphanumeric PICTURE of "NAME"" */
static zf_status
misfit(zf_usage_fault *fault, zf_error *err, zf_usage usage,
	   const char *category, const char *name)
{
	zf_error_set(err, ZF_E_SYNTAX, "USAGE %s does not fit the %s PICTURE of \"%s\"",
				 zf_usage_name(usage), category, name);
	return fault_at(fault, ZF_USAGE_FAULT_USAGE, ZF_E_SYNTAX);
}

/* Any other usage that the picture does not allow. */
static zf_status
usage_fault(zf_usage_fault *fault, zf_error *err, zf_status st,
			const char *message)
{
	zf_error_set(err, st, "%s", message);
	return fault_at(fault, ZF_USAGE_FAULT_USAGE, st);
}

/* An item with a picture: IBM's rules on which usage fits which category. */
static zf_status
pictured_item(zf_usage u, const zf_picture *pi, bool pic_n_dbcs,
			  const char *name, zf_field *f, zf_usage_fault *fault,
			  zf_error *err)
{
	f->digits = pi->digits;
	f->scale = pi->scale;
	f->is_signed = pi->is_signed;
	if (u == ZF_USAGE_COMPX && (pi->kind == ZF_KIND_ALNUM || pi->kind == ZF_KIND_ZONED))
		return compx_item(pi, name, f, fault, err);
	switch (pi->kind)
	{
		case ZF_KIND_ALNUM:
			if (u != ZF_USAGE_NONE && u != ZF_USAGE_DISPLAY)
				return misfit(fault, err, u, "alphanumeric", name);
			f->kind = ZF_KIND_ALNUM;
			f->usage = "display";
			f->length = pi->size;
			return ZF_OK;
		case ZF_KIND_DBCS:
		case ZF_KIND_NATIONAL:
			if (pi->kind == ZF_KIND_DBCS && u != ZF_USAGE_NONE && u != ZF_USAGE_DISPLAY1)
				return usage_fault(fault, err, ZF_E_SYNTAX, "PICTURE G needs USAGE DISPLAY-1");
			if (pi->kind == ZF_KIND_NATIONAL && u != ZF_USAGE_NONE &&
				u != ZF_USAGE_DISPLAY1 && u != ZF_USAGE_NATIONAL)
				return usage_fault(fault, err, ZF_E_SYNTAX,
								   "PICTURE N needs USAGE NATIONAL or DISPLAY-1");
			if (pi->kind == ZF_KIND_DBCS || u == ZF_USAGE_DISPLAY1 ||
				(u == ZF_USAGE_NONE && pic_n_dbcs))
			{
				f->kind = ZF_KIND_DBCS;
				f->usage = "display-1";
			}
			else
			{
				f->kind = ZF_KIND_NATIONAL;
				f->usage = "national";
			}
			if (pi->size > UINT32_MAX / 2)
			{
				zf_error_set(err, ZF_E_LIMIT, "PICTURE of \"%s\" is too large", name);
				return fault_at(fault, ZF_USAGE_FAULT_PICTURE, ZF_E_LIMIT);
			}
			f->length = pi->size * 2;	/* two bytes a character */
			return ZF_OK;
		case ZF_KIND_ZONED:
			switch (u)
			{
				case ZF_USAGE_NONE:
				case ZF_USAGE_DISPLAY:
					f->kind = ZF_KIND_ZONED;
					f->usage = "display";
					f->length = pi->size;
					f->sign = pi->is_signed ? ZF_SIGN_TRAILING : ZF_SIGN_NONE;
					return ZF_OK;
				case ZF_USAGE_COMP:
				case ZF_USAGE_COMP5:
					if (pi->digits > 18)
					{
						zf_error_set(err, ZF_E_SYNTAX,
									 "binary item \"%s\" has %d digits; IBM COBOL allows at most 18",
									 name, pi->digits);
						return fault_at(fault, ZF_USAGE_FAULT_PICTURE, ZF_E_SYNTAX);
					}
					f->kind = ZF_KIND_BINARY;
					f->usage = zf_usage_name(u);
					f->length = (uint32_t) zf_binary_length(pi->digits);
					f->binary_native = (u == ZF_USAGE_COMP5);
					return ZF_OK;
				case ZF_USAGE_COMP3:
					f->kind = ZF_KIND_PACKED;
					f->usage = "comp-3";
					f->length = (uint32_t) zf_packed_length(pi->digits);
					return ZF_OK;
				case ZF_USAGE_NATIONAL:
					return usage_fault(fault, err, ZF_E_UNSUPPORTED,
									   "national decimal items (numeric PICTURE with USAGE NATIONAL) are not supported");
				default:
					return misfit(fault, err, u, "numeric", name);
			}
		case ZF_KIND_EDITED:
			if (u == ZF_USAGE_NATIONAL)
				return usage_fault(fault, err, ZF_E_UNSUPPORTED,
								   "national numeric-edited items are not supported");
			if (u != ZF_USAGE_NONE && u != ZF_USAGE_DISPLAY)
				return misfit(fault, err, u, "numeric-edited", name);
			f->kind = ZF_KIND_EDITED;
			f->usage = "display";
			f->length = pi->size;
			return ZF_OK;
		default:
			zf_error_set(err, ZF_E_SYNTAX, "unexpected PICTURE category");
			return fault_at(fault, ZF_USAGE_FAULT_PICTURE, ZF_E_SYNTAX);
	}
}

/* See usage.h. */
zf_status
zf_field_from_usage(zf_usage usage, const zf_picture *pic, uint32_t length,
					bool pic_n_dbcs, const char *name, zf_field *f,
					zf_usage_fault *fault, zf_error *err)
{
	if (fault != NULL)
		*fault = ZF_USAGE_FAULT_NONE;
	if (name == NULL)
		name = "";
	if (!zf_usage_takes_picture(usage))
		return fixed_size_item(usage, pic, f, fault, err);
	if (is_db2_type(usage))
		return db2_item(usage, pic, length, name, f, fault, err);
	if (pic == NULL)
		return sized_item(usage, length, name, f, fault, err);
	return pictured_item(usage, pic, pic_n_dbcs, name, f, fault, err);
}

/* See usage.h. */
bool
zf_dialect_lookup(const char *name, zf_dialect *out)
{
	if (strcasecmp(name, "ibm") == 0)
		*out = ZF_DIALECT_IBM;
	else if (strcasecmp(name, "gnucobol") == 0)
		*out = ZF_DIALECT_GNUCOBOL;
	else if (strcasecmp(name, "microfocus") == 0 || strcasecmp(name, "mf") == 0)
		*out = ZF_DIALECT_MICROFOCUS;
	else
		return false;
	return true;
}

/*
 * Bytes of a binary item of the given digits with Micro Focus's minimal
 * sizes (GnuCOBOL's binary-size 1--8): the fewest bytes whose range holds
 * every value of the picture, signed or not.
 */
static uint32_t
minimal_binary_length(int digits, bool is_signed)
{
	static const uint8_t sgn[19] = {1, 1, 1, 2, 2, 3, 3, 4, 4, 4, 5, 5, 6, 6, 6, 7, 7, 8, 8};
	static const uint8_t uns[19] = {1, 1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 5, 5, 6, 6, 7, 7, 8, 8};

	if (digits < 1)
		digits = 1;
	if (digits > 18)
		digits = 18;
	return is_signed ? sgn[digits] : uns[digits];
}

/* See usage.h. */
void
zf_field_apply_dialect(zf_field *f, zf_dialect dialect)
{
	bool		comp5;

	if (f->kind != ZF_KIND_BINARY || f->digits == 0 || dialect == ZF_DIALECT_IBM ||
		f->usage == NULL)
		return;
	comp5 = strcmp(f->usage, "comp-5") == 0;
	if (strcmp(f->usage, "comp") != 0 && !comp5)
		return;					/* INDEX, POINTER: fullwords everywhere */
	if (dialect == ZF_DIALECT_GNUCOBOL)
		f->length = f->digits <= 2 ? 1 : f->digits <= 4 ? 2 : f->digits <= 9 ? 4 : 8;
	else
	{
		f->length = minimal_binary_length(f->digits, f->is_signed);
		f->binary_native = true;	/* binary-truncate: no */
	}
	if (comp5)
		f->binary_little = true;
}

/*-------------------------------------------------------------------------
 *
 * usage.h
 *	  What a data item is, from its usage, its picture and its length: the
 *	  one mapping that copybook entries and the explicit columns of a
 *	  foreign table (options usage, pic, length) both go through.
 *
 * The usages are COBOL's (DISPLAY, COMP, COMP-1, COMP-2, COMP-3, COMP-5,
 * DISPLAY-1, NATIONAL, INDEX, POINTER; Micro Focus's COMP-X: big-endian
 * binary, PIC X(n) in n bytes, PIC 9(n) in the fewest bytes that hold n
 * unsigned digits, as GnuCOBOL lays it out in every configuration) and,
 * for column options, the DB2
 * data types a positional file may hold (CHAR, VARCHAR, GRAPHIC,
 * VARGRAPHIC, DATE, TIME, TIMESTAMP, and raw bytes).  With a picture the
 * item's size and category come from it, by IBM Enterprise COBOL's rules
 * on which usage fits which picture; without one (an explicit column with
 * a length option) the length gives the size: a packed field of n bytes
 * holds 2n-1 digits, a binary one is read with its full range.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_USAGE_H
#define ZF_USAGE_H

#include "cobol/copybook.h"

typedef enum zf_usage
{
	ZF_USAGE_NONE = 0,			/* no usage given: the picture decides */
	ZF_USAGE_DISPLAY,
	ZF_USAGE_COMP,				/* COMP, COMP-4, BINARY */
	ZF_USAGE_COMP1,
	ZF_USAGE_COMP2,
	ZF_USAGE_COMP3,				/* COMP-3, PACKED-DECIMAL */
	ZF_USAGE_COMP5,
	ZF_USAGE_DISPLAY1,			/* DISPLAY-1, DB2 GRAPHIC */
	ZF_USAGE_NATIONAL,
	ZF_USAGE_INDEX,
	ZF_USAGE_POINTER,
	ZF_USAGE_COMPX,				/* COMP-X: Micro Focus's binary by PIC size */
	/* DB2 data types: column options only (keep them last) */
	ZF_USAGE_CHAR,
	ZF_USAGE_VARCHAR,
	ZF_USAGE_VARGRAPHIC,
	ZF_USAGE_DATE,
	ZF_USAGE_TIME,
	ZF_USAGE_TIMESTAMP,
	ZF_USAGE_BYTES
} zf_usage;

/* Which words name usages: a copybook's, or the column option's. */
typedef enum zf_usage_words
{
	ZF_USAGE_WORDS_COBOL = 0,	/* DISPLAY, COMP, COMPUTATIONAL-3, INDEX... */
	ZF_USAGE_WORDS_OPTION		/* display, comp-3, binary, char, date... */
} zf_usage_words;

/* What was wrong when zf_field_from_usage fails, for the caller's position. */
typedef enum zf_usage_fault
{
	ZF_USAGE_FAULT_NONE = 0,
	ZF_USAGE_FAULT_USAGE,		/* the usage does not fit the picture */
	ZF_USAGE_FAULT_PICTURE,		/* the picture does not fit the usage */
	ZF_USAGE_FAULT_SIZE			/* neither a picture nor a length */
} zf_usage_fault;

/*
 * The usage a word names (case-insensitive), or ZF_USAGE_NONE when it
 * names none in that vocabulary.
 */
extern zf_usage zf_usage_lookup(const char *word, size_t len,
								zf_usage_words vocabulary);

/* The canonical lower-case name: "comp" for BINARY, "comp-3" for COMP-3. */
extern const char *zf_usage_name(zf_usage usage);

/* True for the usages that take a picture (not COMP-1, COMP-2, INDEX, POINTER). */
extern bool zf_usage_takes_picture(zf_usage usage);

/*
 * Fill the kind, usage name, byte length, digits, scale, sign and binary
 * range of an elementary item into f (its other members are left alone).
 * pic is the item's parsed picture, or NULL; length is its size in bytes
 * when it has no picture, or 0.  pic_n_dbcs makes a PIC N without usage
 * DBCS (NSYMBOL(DBCS)).  name is the item's name for messages.
 *
 * A zoned item gets a trailing overpunched sign when signed (a SIGN
 * clause is the caller's).  The DB2 types take their size from length
 * (DATE, TIME and TIMESTAMP default to 10, 8 and 26 bytes); a picture
 * with them gives only digits, scale and sign (DECIMAL EXTERNAL as CHAR).
 *
 * A usage that does not fit the picture, a picture on a usage that takes
 * none, or an item with neither picture nor size is an error, with *fault
 * saying which, so that a parser can point at the right clause.
 */
/*
 * COBOL dialects: the binary sizes and byte orders of the compiler that
 * wrote a file.  IBM (z/OS): COMP, COMP-4, BINARY and COMP-5 big-endian in
 * 2, 4 or 8 bytes.  GnuCOBOL's default configuration: 1, 2, 4 or 8 bytes
 * (binary-size 1-2-4-8), COMP big-endian, COMP-5 native (little-endian on
 * x86).  Micro Focus without IBMCOMP (GnuCOBOL's -std=mf): the fewest
 * bytes that hold the picture (binary-size 1--8), COMP big-endian, COMP-5
 * native, and no truncation to the picture (binary-truncate no).
 */
typedef enum zf_dialect
{
	ZF_DIALECT_IBM = 0,
	ZF_DIALECT_GNUCOBOL,
	ZF_DIALECT_MICROFOCUS
} zf_dialect;

/* "ibm", "gnucobol", "microfocus" (also "mf") to a dialect; false if none. */
extern bool zf_dialect_lookup(const char *name, zf_dialect *out);

/*
 * Give a binary item (ZF_KIND_BINARY with a picture, as zf_field_from_usage
 * made it) the size, byte order and range of the dialect; other items are
 * left alone.
 */
extern void zf_field_apply_dialect(zf_field *f, zf_dialect dialect);

extern zf_status zf_field_from_usage(zf_usage usage, const zf_picture *pic,
									 uint32_t length, bool pic_n_dbcs,
									 const char *name, zf_field *f,
									 zf_usage_fault *fault, zf_error *err);

#endif							/* ZF_USAGE_H */

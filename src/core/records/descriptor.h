/*-------------------------------------------------------------------------
 *
 * descriptor.h
 *	  Decode the 4-byte descriptor words of variable-length records: RDW
 *	  (record), SDW (segment of a spanned record) and BDW (block).
 *
 * On z/OS a descriptor's length is big-endian in its first two bytes and
 * counts the descriptor's own 4 bytes.  Files written by other tools may
 * use a "little-endian" descriptor, which is the 4-byte word reversed
 * (00 00 LL HH), and/or a length that excludes the 4 bytes.
 *
 *	 RDW	LL LL 00 00; a length of 0 (or below 4 when it counts itself) is
 *			never a record
 *	 SDW	LL LL CC 00, CC the segment code: complete (0), first (1), last
 *			(2) or middle (3).  Inside BDW blocks, an SDW whose high bit is
 *			set is a null segment (X'80000000') that ends its block
 *	 BDW	LL LL 00 00, or with the high bit set an extended BDW (large
 *			block interface) whose other 31 bits are the length; a block
 *			holds at least one descriptor
 *
 * The record reader and inspect both decode descriptors here; each words
 * its own messages from the fault returned.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_DESCRIPTOR_H
#define ZF_DESCRIPTOR_H

#include "base/status.h"

/* The conventions of one kind of descriptor in a file. */
typedef struct zf_dw_conv
{
	bool		big_endian;		/* z/OS: true */
	bool		includes_header;	/* the length counts the 4 bytes; z/OS: true */
} zf_dw_conv;

/* Why a descriptor word does not decode. */
typedef enum zf_dw_fault
{
	ZF_DW_OK = 0,
	ZF_DW_NOT_ZERO,				/* RDW, short BDW: bytes 3 and 4 are not zero */
	ZF_DW_NOT_SEGMENT,			/* SDW: byte 3 is not a code 0-3, or byte 4 not zero */
	ZF_DW_ZERO_LENGTH,			/* RDW, SDW: the length is zero */
	ZF_DW_SHORT					/* the length cannot hold the descriptor
								 * (RDW, SDW) or one descriptor (BDW) */
} zf_dw_fault;

/* A decoded descriptor. */
typedef struct zf_dw
{
	uint8_t		word[4];		/* the word in z/OS (big-endian) order */
	uint64_t	length;			/* the length field as written */
	uint64_t	data;			/* bytes after the descriptor */
	int			segment;		/* SDW: the segment code; else 0 */
	bool		extended;		/* BDW: the 31-bit form */
} zf_dw;

/*
 * Decode a record descriptor (spanned false) or a segment descriptor
 * (spanned true) from raw[0..3].  Fills *dw as far as it got (word and
 * length always).
 */
extern zf_dw_fault zf_dw_record(const uint8_t *raw, zf_dw_conv conv,
								bool spanned, zf_dw *dw);

/* Decode a block descriptor from raw[0..3]. */
extern zf_dw_fault zf_dw_block(const uint8_t *raw, zf_dw_conv conv,
							   zf_dw *dw);

/*
 * Whether raw[0..3] is an SDW with its high bit set: a null segment
 * (inside BDW blocks).  *well_formed says whether it is exactly
 * X'80000000', the only valid one.
 */
extern bool zf_dw_null_segment(const uint8_t *raw, bool big_endian,
							   bool *well_formed);

#endif							/* ZF_DESCRIPTOR_H */

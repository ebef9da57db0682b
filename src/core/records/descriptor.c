/*-------------------------------------------------------------------------
 *
 * descriptor.c
 *	  Decode RDW, SDW and BDW descriptor words in any byte order and with
 *	  lengths that count the descriptor or not.
 *
 * Only the decoding lives here: what a fault means for a file (an error
 * message with a hint, or a broken chain in inspect) is the caller's.
 *
 *-------------------------------------------------------------------------
 */
#include "records/descriptor.h"

/* Bring a word into z/OS (big-endian) order: little-endian is it reversed. */
static inline void
normalize(const uint8_t *raw, bool big_endian, uint8_t *b)
{
	if (big_endian)
	{
		b[0] = raw[0];
		b[1] = raw[1];
		b[2] = raw[2];
		b[3] = raw[3];
	}
	else
	{
		b[0] = raw[3];
		b[1] = raw[2];
		b[2] = raw[1];
		b[3] = raw[0];
	}
}

/* Decode an RDW (or, spanned, an SDW). */
zf_dw_fault
zf_dw_record(const uint8_t *raw, zf_dw_conv conv, bool spanned, zf_dw *dw)
{
	const uint8_t *b = dw->word;

	normalize(raw, conv.big_endian, dw->word);
	dw->length = ((uint32_t) b[0] << 8) | b[1];
	dw->data = 0;
	dw->segment = 0;
	dw->extended = false;
	if (spanned)
	{
		if ((b[2] & 0xFC) != 0 || b[3] != 0)
			return ZF_DW_NOT_SEGMENT;
		dw->segment = b[2];
	}
	else if (b[2] != 0 || b[3] != 0)
		return ZF_DW_NOT_ZERO;
	if (dw->length == 0)
		return ZF_DW_ZERO_LENGTH;
	if (conv.includes_header && dw->length < 4)
		return ZF_DW_SHORT;
	dw->data = conv.includes_header ? dw->length - 4 : dw->length;
	return ZF_DW_OK;
}

/* Decode a BDW, short or extended. */
zf_dw_fault
zf_dw_block(const uint8_t *raw, zf_dw_conv conv, zf_dw *dw)
{
	const uint8_t *b = dw->word;

	normalize(raw, conv.big_endian, dw->word);
	dw->data = 0;
	dw->segment = 0;
	dw->extended = (b[0] & 0x80) != 0;
	if (dw->extended)
		dw->length = ((uint64_t) (b[0] & 0x7F) << 24) | ((uint64_t) b[1] << 16) |
			((uint64_t) b[2] << 8) | b[3];
	else
	{
		dw->length = ((uint64_t) b[0] << 8) | b[1];
		if (b[2] != 0 || b[3] != 0)
			return ZF_DW_NOT_ZERO;
	}
	/* counting itself, the smallest block is the BDW and one empty RDW */
	if (dw->length < (conv.includes_header ? 8u : 4u))
		return ZF_DW_SHORT;
	dw->data = conv.includes_header ? dw->length - 4 : dw->length;
	return ZF_DW_OK;
}

/* A null segment's SDW: the high bit set. */
bool
zf_dw_null_segment(const uint8_t *raw, bool big_endian, bool *well_formed)
{
	uint8_t		b[4];

	normalize(raw, big_endian, b);
	*well_formed = b[0] == 0x80 && b[1] == 0 && b[2] == 0 && b[3] == 0;
	return (b[0] & 0x80) != 0;
}

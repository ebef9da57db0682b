/*-------------------------------------------------------------------------
 *
 * plausible_scan.c
 *	  Run the core's plausibility checks (diag/plausible.h) once at the
 *	  start of a scan, on the first bytes of its first file, and turn
 *	  their findings into ERRORs and WARNINGs.
 *
 * The cost is one read of at most 64 kB and a pass over it per scan;
 * zfdw.plausibility_checks = off skips it all, zfdw.check_codepage = off
 * only the code page check, and a table's accept option names the checks
 * it does not want ("yes, I mean it").
 *
 *-------------------------------------------------------------------------
 */
#include "diag/diag.h"
#include "io/decompress.h"

#include "commands/defrem.h"

#include "diag/plausible.h"

bool		zfdw_plausibility_checks = true;
bool		zfdw_check_codepage = true;

/* Validate accept: a comma-separated list of check names. */
void
zfdw_check_accept(DefElem *def)
{
	char	   *s = pstrdup(defGetString(def));
	char	   *tok;
	char	   *save = NULL;

	for (tok = strtok_r(s, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save))
		if (!zf_plausible_known_check(tok))
			ereport(ERROR,
					(errcode(ERRCODE_FDW_INVALID_OPTION_NAME),
					 errmsg("unknown plausibility check \"%s\" in option accept", tok),
					 errhint("Valid names are lrecl_multiple, layout_short, rdw_as_fb, fixed_as_vb, ascii_transfer, ebcdic_as_ascii and codepage.")));
}

/* The text fields the table's columns read, at fixed offsets in its page. */
static int
text_spans(const ZfTable *t, zf_span *spans, int max)
{
	int			n = 0;

	if (!t->rd->is_static)
		return 0;
	for (int i = 0; i < t->ncolumns && n < max; i++)
	{
		const ZfColumn *col = &t->columns[i];

		if (col->dropped || col->f == NULL || col->f->kind != ZF_KIND_ALNUM ||
			col->cp != t->cp || col->target == ZF_TARGET_BYTEA || col->f->variable)
			continue;
		spans[n].offset = col->f->offset;
		spans[n].length = col->f->length;
		n++;
	}
	return n;
}

void
zfdw_check_plausible(ZfTable *t, List *files)
{
	zf_plausible_input in;
	zf_plausible_finding *found;
	zf_span		spans[ZF_PLAUSIBLE_MAX_SPANS];
	const char *path;
	zf_byte_source *bytes;
	uint8	   *sample;
	size_t		n = 0;
	int64		size;
	int			nfound;
	zf_error	err;
	char	   *accept = t->opts.accept;

	/*
	 * An archive's bytes are not its data set's: the container reader
	 * checks the framing of what it hands out itself.
	 */
	if (!zfdw_plausibility_checks || files == NIL ||
		t->opts.format != ZF_FORMAT_RECORD ||
		(t->opts.container && strcmp(t->opts.container, "none") != 0))
		return;
	path = linitial(files);
	zf_error_clear(&err);
	bytes = zfdw_open_file_bytes(t->opts.serverid, path, &err);
	if (bytes == NULL)
		return;					/* the scan itself reports it */
	/*
	 * A compressed file is checked by what it holds (its size unknown); a
	 * stream that does not open is the scan's to report, with its file.
	 */
	{
		zf_compression kind = ZF_COMPRESSION_NONE;
		zf_byte_source *plain = zf_decompress_open(bytes, t->opts.compression,
												   &kind, &err);

		if (plain == NULL)
		{
			zfdw_close_bytes(bytes, NULL);
			return;
		}
		bytes = plain;
	}
	size = zf_bytes_size(bytes);
	sample = palloc(ZF_PLAUSIBLE_SAMPLE);
	if (zf_bytes_read_full(bytes, sample,
						   size >= 0 ? Min((uint64) size, ZF_PLAUSIBLE_SAMPLE) : ZF_PLAUSIBLE_SAMPLE,
						   &n, &err) != ZF_OK)
		n = 0;
	zfdw_close_bytes(bytes, NULL);

	memset(&in, 0, sizeof(in));
	in.sample = sample;
	in.n = n;
	in.file_size = size;
	in.header_bytes = (uint64) t->opts.file_header_bytes;
	in.recfm = t->opts.recfm;
	in.record_format = true;
	in.lrecl = t->lrecl;
	in.lrecl_given = t->opts.lrecl > 0;
	/* column options describe only the columns declared: no length checks */
	in.layout_length = t->layout->source == ZF_SOURCE_COLUMNS ? 0 : t->rd->max_length;
	in.layout_fixed = t->rd->is_static;
	in.cp = t->cp;
	in.text = spans;
	in.ntext = zfdw_check_codepage ? text_spans(t, spans, ZF_PLAUSIBLE_MAX_SPANS) : 0;
	if (!zfdw_check_codepage)
		accept = psprintf("%s,codepage", accept ? accept : "");
	/* a file of several record types: the others may be in other pages */
	if (t->rd->nwhen > 0 || t->segment_field >= 0)
		accept = psprintf("%s,codepage,ascii_transfer,ebcdic_as_ascii", accept ? accept : "");

	found = palloc(sizeof(zf_plausible_finding) * ZF_PLAUSIBLE_MAX);
	zf_error_clear(&err);
	if (zf_plausible_check(&in, accept, found, &nfound, &err) != ZF_OK)
		zfdw_report(ERROR, &err, path);
	/* the warnings, then the first error (errors come first in found) */
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < nfound; i++)
		{
			const zf_plausible_finding *f = &found[i];

			if (f->error != (pass == 1))
				continue;
			ereport(f->error ? ERROR : WARNING,
					(errcode(f->error ? ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE : ERRCODE_WARNING),
					 errmsg("%s", f->message),
					 errdetail("%s", f->detail),
					 errhint("%s", f->hint),
					 errcontext("foreign table \"%s\", file \"%s\"", t->relname, path)));
		}
	pfree(found);
	pfree(sample);
}

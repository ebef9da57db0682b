/*-------------------------------------------------------------------------
 *
 * sub_options.c
 *	  The options jsonb of a subscription: how often to poll, which rule
 *	  says that a file has landed, how much to apply in one transaction.
 *
 *	  poll_interval		milliseconds between looks at the glob (200; 1000
 *						for an S3 prefix, where each look is a request)
 *	  landing			'stable' (default), 'marker' or 'rename'
 *	  stable_ms			for 'stable': how long size and mtime must not
 *						change (1000)
 *	  marker_suffix		for 'marker': the done-marker is the file's name
 *						plus this ('.done')
 *	  max_batch_bytes	most bytes of files applied in one transaction
 *						when a backlog has built (67108864)
 *	  max_backoff_ms	longest wait between retries after errors (60000)
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "subscription/subscription.h"

/* An integer option within [min, max], or an error naming it. */
static int64
int_option(const char *key, JsonbValue *v, int64 min, int64 max)
{
	int64		n;

	if (v->type != jbvNumeric)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("subscription option \"%s\" must be a number", key)));
	n = DatumGetInt64(DirectFunctionCall1(numeric_int8,
										  NumericGetDatum(v->val.numeric)));
	if (n < min || n > max)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("subscription option \"%s\" must be between " INT64_FORMAT " and " INT64_FORMAT,
						key, min, max)));
	return n;
}

/* A string option, or an error naming it. */
static char *
text_option(const char *key, JsonbValue *v)
{
	if (v->type != jbvString)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("subscription option \"%s\" must be a string", key)));
	return pnstrdup(v->val.string.val, v->val.string.len);
}

/*
 * Fill opts from options (NULL: all defaults); an unknown key or a bad
 * value is an error, so that a typo never silently means the default.
 */
void
zfdw_sub_options_parse(Jsonb *options, SubOptions *opts)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	char	   *key = NULL;

	opts->poll_interval_ms = 200;
	opts->poll_interval_given = false;
	opts->landing = SUB_LANDING_STABLE;
	opts->stable_ms = 1000;
	opts->marker_suffix = ".done";
	opts->max_batch_bytes = 64 * 1024 * 1024;
	opts->max_backoff_ms = 60000;
	if (options == NULL)
		return;
	if (!JB_ROOT_IS_OBJECT(options))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("subscription options must be a json object")));

	it = JsonbIteratorInit(&options->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (tok == WJB_KEY)
		{
			key = pnstrdup(v.val.string.val, v.val.string.len);
			continue;
		}
		if (tok != WJB_VALUE)
			continue;
		if (strcmp(key, "poll_interval") == 0)
		{
			opts->poll_interval_ms = int_option(key, &v, 10, 3600000);
			opts->poll_interval_given = true;
		}
		else if (strcmp(key, "stable_ms") == 0)
			opts->stable_ms = int_option(key, &v, 0, 3600000);
		else if (strcmp(key, "max_batch_bytes") == 0)
			opts->max_batch_bytes = int_option(key, &v, 1, PG_INT64_MAX);
		else if (strcmp(key, "max_backoff_ms") == 0)
			opts->max_backoff_ms = int_option(key, &v, 100, 3600000);
		else if (strcmp(key, "marker_suffix") == 0)
		{
			opts->marker_suffix = text_option(key, &v);
			if (opts->marker_suffix[0] == '\0' || strchr(opts->marker_suffix, '/'))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("subscription option \"marker_suffix\" must be a non-empty suffix without \"/\"")));
		}
		else if (strcmp(key, "landing") == 0)
		{
			char	   *s = text_option(key, &v);

			if (strcmp(s, "stable") == 0)
				opts->landing = SUB_LANDING_STABLE;
			else if (strcmp(s, "marker") == 0)
				opts->landing = SUB_LANDING_MARKER;
			else if (strcmp(s, "rename") == 0)
				opts->landing = SUB_LANDING_RENAME;
			else
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("subscription option \"landing\" must be \"stable\", \"marker\" or \"rename\"")));
		}
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown subscription option \"%s\"", key),
					 errhint("Options are poll_interval, landing, stable_ms, marker_suffix, max_batch_bytes and max_backoff_ms.")));
	}
}

/*-------------------------------------------------------------------------
 *
 * program_source.c
 *	  The standard output of a shell command as a byte source, as popen()
 *	  and file_fdw's program option run it.
 *
 * The command runs as "/bin/sh -c command" with its standard output on a
 * pipe; standard input and error are the caller's.  The program starts
 * with every signal at its default action and none blocked (a server
 * ignores SIGPIPE, which a program must not inherit: it is how a program
 * learns that its reader has gone), and in the caller's process group, so
 * that a signal to the group (PostgreSQL's query cancel) reaches it too.
 *
 * The source reads from an fd source on the pipe's reading end, made
 * non-blocking so that the interrupt hook is called while the program is
 * silent.  Closing closes the pipe first, so that a program still writing
 * ends, then waits for it and reports how it ended.
 *
 *-------------------------------------------------------------------------
 */
#include "io/byte_source.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

typedef struct program_source
{
	zf_byte_source base;		/* inner: the pipe */
	pid_t		pid;
} program_source;

/* The program's output, through the pipe beneath. */
static zf_status
program_read(zf_byte_source *src, uint8_t *buf, size_t n, size_t *got,
			 zf_error *err)
{
	return zf_bytes_read(src->inner, buf, n, got, err);
}

/*
 * How a program ended, in the words PostgreSQL's wait_result_to_str()
 * uses, so that a failure reads the same as file_fdw's.
 */
static void
describe_exit(int status, char *buf, size_t len)
{
	if (WIFEXITED(status))
	{
		switch (WEXITSTATUS(status))
		{
			case 126:
				snprintf(buf, len, "command not executable");
				break;
			case 127:
				snprintf(buf, len, "command not found");
				break;
			default:
				snprintf(buf, len, "child process exited with exit code %d",
						 WEXITSTATUS(status));
		}
	}
	else if (WIFSIGNALED(status))
		snprintf(buf, len, "child process was terminated by signal %d: %s",
				 WTERMSIG(status), strsignal(WTERMSIG(status)));
	else
		snprintf(buf, len, "child process exited with unrecognized status %d",
				 status);
}

/* Wait for the program to end. */
static int
reap(pid_t pid, int *status)
{
	while (waitpid(pid, status, 0) < 0)
	{
		if (errno != EINTR)
			return -1;
	}
	return 0;
}

/*
 * Did the program die of SIGPIPE, itself or as the shell reports a child
 * that did (exit code 128 + SIGPIPE)?  That is how a program ends when its
 * reader stops early, as PostgreSQL's COPY FROM PROGRAM also judges it.
 */
static bool
killed_by_sigpipe(int status)
{
	if (WIFSIGNALED(status))
		return WTERMSIG(status) == SIGPIPE;
	return WIFEXITED(status) && WEXITSTATUS(status) == 128 + SIGPIPE;
}

/*
 * Close the pipe (the program, if still writing, gets SIGPIPE), then wait
 * for the program: one that did not exit with 0 is an error, except a
 * program killed by SIGPIPE after the scan stopped reading before the end
 * (a LIMIT): its output was not wanted any more.
 */
static zf_status
program_close(zf_byte_source *src, zf_error *err)
{
	program_source *p = (program_source *) src;
	zf_status	st = zf_bytes_close(src->inner, err);
	int			status = 0;

	src->inner = NULL;
	if (reap(p->pid, &status) != 0)
	{
		if (st != ZF_OK)
			return st;
		return zf_bytes_sys_error(err, errno, "could not wait for program \"%s\"",
								  src->name);
	}
	if (status != 0 && !src->at_eof && killed_by_sigpipe(status))
		status = 0;
	if (status != 0 && st == ZF_OK)
	{
		char		how[128];

		describe_exit(status, how, sizeof(how));
		zf_error_set(err, ZF_E_IO, "program \"%s\" failed", src->name);
		zf_error_detail(err, "%s", how);
		return ZF_E_IO;
	}
	return st;
}

static const zf_byte_source_ops program_ops = {
	.read = program_read,
	.close = program_close,
};

/*
 * Start /bin/sh -c command with its standard output on a new pipe; returns
 * the pid, or -1 with errno.  *out is the pipe's reading end, close-on-exec
 * and non-blocking.
 */
static pid_t
spawn(const char *command, int *out)
{
	posix_spawn_file_actions_t actions;
	posix_spawnattr_t attr;
	sigset_t	all,
				none;
	char	   *argv[] = {"sh", "-c", (char *) command, NULL};
	pid_t		pid;
	int			p[2];
	int			rc;

	if (pipe(p) != 0)
		return -1;
	/* neither end may stay open in another program started later */
	(void) fcntl(p[0], F_SETFD, FD_CLOEXEC);
	(void) fcntl(p[1], F_SETFD, FD_CLOEXEC);
	sigfillset(&all);
	sigemptyset(&none);
	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_adddup2(&actions, p[1], STDOUT_FILENO);
	posix_spawnattr_init(&attr);
	posix_spawnattr_setsigdefault(&attr, &all);
	posix_spawnattr_setsigmask(&attr, &none);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
	rc = posix_spawn(&pid, "/bin/sh", &actions, &attr, argv, environ);
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&actions);
	close(p[1]);
	if (rc != 0)
	{
		close(p[0]);
		errno = rc;
		return -1;
	}
	(void) fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_NONBLOCK);
	*out = p[0];
	return pid;
}

/* Run a command and read its standard output. */
zf_byte_source *
zf_program_source_open(const char *command, zf_error *err)
{
	zf_byte_source *pipe_src;
	zf_byte_source *src;
	int			fd = -1;
	int			status;
	pid_t		pid = spawn(command, &fd);

	if (pid < 0)
	{
		zf_bytes_sys_error(err, errno, "could not execute command \"%s\"", command);
		return NULL;
	}
	pipe_src = zf_fd_source_open(fd, command, true, err);
	if (pipe_src == NULL)
		close(fd);
	src = pipe_src ? zf_bytes_new(&program_ops, sizeof(program_source), command, err) : NULL;
	if (src == NULL)
	{
		/* the program sees its pipe closed; do not leave a zombie */
		zf_bytes_close(pipe_src, NULL);
		(void) reap(pid, &status);
		return NULL;
	}
	src->inner = pipe_src;
	((program_source *) src)->pid = pid;
	return src;
}

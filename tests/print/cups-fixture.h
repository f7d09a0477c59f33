/* cups-fixture.h: a private cupsd for tests, with queues of our own backends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cups_fixture_setup () starts cupsd -f with a private ServerRoot, spool and logs in a
 * temporary folder, on a loopback port the fixture holds (so no other process can take
 * it, and a client reaches this cupsd or is refused), with the kiosk settings of
 * packaging/cupsd-kiosk.conf. The queues use backends of our own in a private ServerBin:
 *
 *   bakenfile:/DIR              writes the job to DIR/job-N.pdf; waits while DIR/../hold
 *                               exists (a printer that is slow to start)
 *   bakenfault:/REASON/ACTION   reports "STATE: +REASON", then stops the queue (exit 4:
 *                               CUPS_BACKEND_STOP) or hangs, as a printer with that fault
 *
 * Queues: "slips" (bakenfile into out), "empty" (media-empty-error, stops), "needed"
 * (media-needed-warning, stops), "jam" (media-jam-error, hangs), "cover" (cover-open-report,
 * hangs), "offline" (offline-report, hangs) and "hang" (a reason that stops nothing, hangs).
 * Used by tests/print/test-cups.c and tests/ui/test-print.c.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  char        *dir;     /* the private cupsd's folder */
  char        *out;     /* where bakenfile writes jobs */
  char        *hold;    /* while it exists, bakenfile waits */
  char        *server;  /* "127.0.0.1:PORT" */
  int          port;
  GSocket     *socket;  /* bound to port from setup to teardown; listening while
                         * cupsd runs, which gets it by socket activation */
  GSubprocess *cupsd;   /* NULL while stopped */
} CupsFixture;

/* Creates the folder, starts cupsd and adds the queues; g_error () when it cannot. */
void    cups_fixture_setup       (CupsFixture *f);
/* The same, with cupsd.conf lines that come after (and so override) the kiosk settings,
 * as on a server whose cupsd.conf was not merged with them. */
void    cups_fixture_setup_full  (CupsFixture *f,
                                  const char  *extra_conf);
/* Stops cupsd and removes the folder. */
void    cups_fixture_teardown    (CupsFixture *f);

/* Starts cupsd and waits until it answers (10 s at most, scaled by the time scale of
 * test-util.h). */
void    cups_fixture_start       (CupsFixture *f);
/* Stops cupsd (SIGTERM) and waits for it to exit; nothing when stopped. */
void    cups_fixture_stop        (CupsFixture *f);

/* Runs lpadmin, cupsdisable, … with "-h SERVER" against the private cupsd; they must
 * succeed. */
void    cups_fixture_run_tool    (CupsFixture *f,
                                  const char  *first,
                                  ...) G_GNUC_NULL_TERMINATED;

/* The states (ipp_jstate_t) of all jobs of a queue, oldest first. */
GArray *cups_fixture_job_states  (CupsFixture *f,
                                  const char  *queue);

/* The titles (job-name) of all jobs of a queue, oldest first. */
GStrv   cups_fixture_job_titles  (CupsFixture *f,
                                  const char  *queue);
/* The files of jobs (control files c*, documents d*) in cupsd's spool. */
guint   cups_fixture_count_spooled (CupsFixture *f);

/* Writes a file with the given mode. */
void    cups_fixture_write_file  (const char  *dir,
                                  const char  *name,
                                  const char  *text,
                                  int          mode);
/* The number of entries in a folder. */
guint   cups_fixture_count_files (const char  *dir);
/* The text of a PDF file (pdftotext -layout, UTF-8). */
char   *cups_fixture_pdftotext   (const char  *pdf);

G_END_DECLS

/* baken-content-source-report.c: the problems found in a content source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-content-source"

#include "config.h"

#include "baken-content-source-report.h"

#include <string.h>

typedef struct
{
  char  *file;
  guint  line;
  guint  column;
  guint  seq;
  char  *message;
} Problem;

struct _BakenSourceReport
{
  GArray *problems;   /* (owned) of Problem */
};

static void
problem_clear (gpointer data)
{
  Problem *problem = data;

  g_free (problem->file);
  g_free (problem->message);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *pa = a, *pb = b;
  int cmp;

  /* datapackage.json first, then the files by name. */
  cmp = (strcmp (pb->file, "datapackage.json") == 0) - (strcmp (pa->file, "datapackage.json") == 0);
  if (cmp == 0)
    cmp = strcmp (pa->file, pb->file);
  if (cmp == 0)
    cmp = (pa->line > pb->line) - (pa->line < pb->line);
  if (cmp == 0)
    cmp = (pa->column > pb->column) - (pa->column < pb->column);
  if (cmp == 0)
    cmp = (pa->seq > pb->seq) - (pa->seq < pb->seq);

  return cmp;
}

BakenSourceReport *
baken_source_report_new (void)
{
  BakenSourceReport *self = g_new0 (BakenSourceReport, 1);

  self->problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (self->problems, problem_clear);

  return self;
}

void
baken_source_report_free (BakenSourceReport *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->problems);
  g_free (self);
}

void
baken_source_report_add_valist (BakenSourceReport *self,
                                const char        *file,
                                guint              line,
                                guint              column,
                                const char        *format,
                                va_list            args)
{
  Problem problem;

  problem.file = g_strdup (file);
  problem.line = line;
  problem.column = column;
  problem.seq = self->problems->len;
  problem.message = g_strdup_vprintf (format, args);
  g_array_append_val (self->problems, problem);
}

void
baken_source_report_add (BakenSourceReport *self,
                         const char        *file,
                         guint              line,
                         guint              column,
                         const char        *format,
                         ...)
{
  va_list args;

  va_start (args, format);
  baken_source_report_add_valist (self, file, line, column, format, args);
  va_end (args);
}

void
baken_source_report_field (BakenSourceReport *self,
                           Table             *t,
                           Row               *row,
                           guint              col,
                           const char        *format,
                           ...)
{
  va_list args;

  va_start (args, format);
  baken_source_report_add_valist (self, t->spec->file, row->lines[col],
                                  baken_source_file_column (t, col), format, args);
  va_end (args);
}

guint
baken_source_report_get_n (BakenSourceReport *self)
{
  return self->problems->len;
}

GPtrArray *
baken_source_report_format (BakenSourceReport *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  g_array_sort (self->problems, compare_problems);
  for (guint i = 0; i < self->problems->len; i++)
    {
      Problem *p = &g_array_index (self->problems, Problem, i);

      g_ptr_array_add (out, g_strdup_printf ("%s:%u:%u: %s", p->file, p->line, p->column,
                                             p->message));
    }

  return out;
}

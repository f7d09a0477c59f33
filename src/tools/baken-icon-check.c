/* baken-icon-check.c: the helper that checks the icons of a bundle in its own process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Started by the bundle verifier (baken-bundle.c) with CPU, address-space and file-size
 * limits already set. Reads icons on standard input and reports on standard output,
 * in the protocol described in baken-bundle.h:
 *
 *   in:  "icon INDEX LENGTH\n" + LENGTH bytes, for each icon, until end of input
 *   out: "ok INDEX\n" or "refused INDEX MESSAGE\n", for each icon, in order
 *
 * Exit status 0 when every icon passed, 1 when one was refused (the report stops at
 * the first), 2 on a protocol error. Installed in libexecdir; not meant for people.
 */
#define G_LOG_DOMAIN "baken-icon-check"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "baken-icon-check.h"

/* As many icons as the verifier sends at most (BAKEN_ICON_CHECK_MAX_ICONS, baken-bundle.h). */
#define MAX_ICONS        4096
/* The whole input at most: every icon at its largest plus its header. */
#define MAX_INPUT_BYTES  ((gsize) MAX_ICONS * (BAKEN_ICON_CHECK_MAX_BYTES + 64))

static int
protocol_error (const char *what)
{
  fprintf (stderr, "baken-icon-check: protocol error: %s\n", what);
  return 2;
}

static GBytes *
read_all (FILE *in)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, in)) > 0)
    {
      if (data->len + n > MAX_INPUT_BYTES)
        return NULL;
      g_byte_array_append (data, buffer, (guint) n);
    }
  if (ferror (in))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* One line of text: no line breaks, at most 300 bytes, valid UTF-8. */
static char *
one_line (const char *message)
{
  g_autofree char *valid = g_utf8_make_valid (message, -1);
  GString *line = g_string_new (NULL);

  for (const char *p = valid; *p != '\0' && line->len < 300; p++)
    g_string_append_c (line, *p == '\n' || *p == '\r' ? ' ' : *p);
  if (!g_utf8_validate (line->str, -1, NULL))
    {
      const char *end;

      g_utf8_validate (line->str, -1, &end);
      g_string_truncate (line, end - line->str);
    }
  return g_string_free (line, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) input = NULL;
  const char *data;
  gsize length, pos = 0;
  guint expected = 0;

  if (argc != 1)
    {
      fprintf (stderr, "baken-icon-check: reads icons on standard input; it takes no "
                       "arguments (it is run by the bundle verifier)\n");
      return 2;
    }

  input = read_all (stdin);
  if (input == NULL)
    return protocol_error ("the input cannot be read or is too large");
  data = g_bytes_get_data (input, &length);

  while (pos < length)
    {
      const char *nl = memchr (data + pos, '\n', MIN (length - pos, 64));
      g_autofree char *header = NULL;
      g_autoptr(GBytes) svg = NULL;
      g_autoptr(GError) error = NULL;
      guint64 index, size;
      char *end;

      if (nl == NULL)
        return protocol_error ("no header line");
      header = g_strndup (data + pos, nl - (data + pos));
      pos = nl - data + 1;

      if (!g_str_has_prefix (header, "icon "))
        return protocol_error ("a header that does not start with \"icon \"");
      index = g_ascii_strtoull (header + 5, &end, 10);
      if (end == header + 5 || *end != ' ' || index != expected)
        return protocol_error ("an icon number out of order");
      size = g_ascii_strtoull (end + 1, &end, 10);
      if (*end != '\0' || size > length - pos)
        return protocol_error ("a length beyond the end of the input");

      svg = g_bytes_new_from_bytes (input, pos, size);
      pos += size;
      expected++;

      if (!baken_icon_check (svg, &error))
        {
          g_autofree char *message = one_line (error->message);

          printf ("refused %" G_GUINT64_FORMAT " %s\n", index, message);
          return 1;
        }
      printf ("ok %" G_GUINT64_FORMAT "\n", index);
    }

  return fflush (stdout) == 0 ? 0 : 2;
}

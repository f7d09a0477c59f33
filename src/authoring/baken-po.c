/* baken-po.c: reading and writing gettext PO files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-po"

#include "config.h"

#include "baken-po.h"

#include <string.h>

#include <gio/gio.h>

#include "baken-file.h"

/* A line of a PO file is at most this wide (as GNU gettext writes them). */
#define LINE_WIDTH 79

void
baken_po_entry_free (BakenPoEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->context);
  g_free (entry->id);
  g_free (entry->str);
  g_free (entry->comment);
  g_free (entry->reference);
  g_free (entry);
}

void
baken_po_file_free (BakenPoFile *file)
{
  if (file == NULL)
    return;

  g_free (file->language);
  g_ptr_array_unref (file->entries);
  g_free (file);
}

/* Writing */

static void
append_escaped (GString *out,
                char     c)
{
  switch (c)
    {
    case '\\': g_string_append (out, "\\\\"); break;
    case '"': g_string_append (out, "\\\""); break;
    case '\n': g_string_append (out, "\\n"); break;
    case '\t': g_string_append (out, "\\t"); break;
    case '\r': g_string_append (out, "\\r"); break;
    default:
      if ((guchar) c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\%03o", (guchar) c);
      else
        g_string_append_c (out, c);
    }
}

/* keyword "text", or keyword "" and the text in pieces that end after a line break or a
 * space, each line at most LINE_WIDTH characters when the words allow it. */
static void
write_string (GString    *out,
              const char *keyword,
              const char *text)
{
  g_autoptr(GString) escaped = g_string_new (NULL);
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) piece = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);
  const char *newline = strchr (text, '\n');

  for (const char *p = text; *p != '\0'; p++)
    append_escaped (escaped, *p);

  if ((newline == NULL || newline[1] == '\0') &&
      strlen (keyword) + 3 + g_utf8_strlen (escaped->str, -1) <= LINE_WIDTH)
    {
      g_string_append_printf (out, "%s \"%s\"\n", keyword, escaped->str);
      return;
    }

  /* Pieces that end after a space or a line break. */
  for (const char *p = text; *p != '\0'; p++)
    {
      append_escaped (piece, *p);
      if (*p == ' ' || *p == '\n' || p[1] == '\0')
        {
          g_ptr_array_add (pieces, g_strdup (piece->str));
          g_string_truncate (piece, 0);
          if (*p == '\n')
            g_ptr_array_add (pieces, NULL);   /* a line ends here */
        }
    }

  g_string_append_printf (out, "%s \"\"\n", keyword);
  for (guint i = 0; i < pieces->len; i++)
    {
      const char *next = g_ptr_array_index (pieces, i);

      if (next == NULL)
        {
          g_string_append_printf (out, "\"%s\"\n", line->str);
          g_string_truncate (line, 0);
          continue;
        }
      if (line->len > 0 &&
          g_utf8_strlen (line->str, -1) + g_utf8_strlen (next, -1) + 2 > LINE_WIDTH)
        {
          g_string_append_printf (out, "\"%s\"\n", line->str);
          g_string_truncate (line, 0);
        }
      g_string_append (line, next);
    }
  if (line->len > 0)
    g_string_append_printf (out, "\"%s\"\n", line->str);
}

void
baken_po_write_header (GString            *out,
                       const char * const *header_fields)
{
  g_autoptr(GString) header = g_string_new (NULL);

  for (guint i = 0; header_fields != NULL && header_fields[i] != NULL; i++)
    g_string_append_printf (header, "%s\n", header_fields[i]);
  g_string_append (header, "MIME-Version: 1.0\n"
                           "Content-Type: text/plain; charset=UTF-8\n"
                           "Content-Transfer-Encoding: 8bit\n");

  g_string_append (out, "msgid \"\"\n");
  write_string (out, "msgstr", header->str);
}

void
baken_po_write_entry (GString            *out,
                      const BakenPoEntry *entry)
{
  g_string_append_c (out, '\n');
  if (entry->comment != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (entry->comment, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        g_string_append_printf (out, "#. %s\n", lines[i]);
    }
  if (entry->reference != NULL)
    g_string_append_printf (out, "#: %s\n", entry->reference);
  if (entry->fuzzy)
    g_string_append (out, "#, fuzzy\n");
  if (entry->context != NULL)
    write_string (out, "msgctxt", entry->context);
  write_string (out, "msgid", entry->id);
  write_string (out, "msgstr", entry->str);
}

/* Reading */

typedef enum {
  IN_NONE,
  IN_CONTEXT,
  IN_ID,
  IN_STR,
} Part;

typedef struct
{
  const char  *path;
  BakenPoFile *file;
  GHashTable  *seen;          /* msgctxt "\004" msgid → line */
  GError      *error;         /* the first problem */

  /* The entry being read */
  GString     *context;       /* (nullable) */
  GString     *id;            /* (nullable) */
  GString     *str;           /* (nullable) */
  gboolean     fuzzy;
  guint        id_line;
  guint        first_line;
  Part         part;
} Reader;

static gboolean
fail (Reader     *r,
      guint       line,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Reader     *r,
      guint       line,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (r->error != NULL)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (&r->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s:%u: %s", r->path, line,
               message);
  return FALSE;
}

static void
clear_entry (Reader *r)
{
  if (r->context != NULL)
    g_string_free (g_steal_pointer (&r->context), TRUE);
  if (r->id != NULL)
    g_string_free (g_steal_pointer (&r->id), TRUE);
  if (r->str != NULL)
    g_string_free (g_steal_pointer (&r->str), TRUE);
  r->fuzzy = FALSE;
  r->id_line = r->first_line = 0;
  r->part = IN_NONE;
}

/* The header's Language and charset. */
static gboolean
read_header (Reader     *r,
             const char *header)
{
  g_auto(GStrv) lines = g_strsplit (header, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_ascii_strncasecmp (line, "Language:", 9) == 0)
        {
          g_free (r->file->language);
          r->file->language = g_strstrip (g_strdup (line + 9));
        }
      else if (g_ascii_strncasecmp (line, "Content-Type:", 13) == 0)
        {
          const char *charset = strstr (line, "charset=");

          if (charset != NULL && g_ascii_strncasecmp (charset + 8, "UTF-8", 5) != 0)
            return fail (r, r->id_line, "the header says %s; save the file as UTF-8 and say "
                         "\"charset=UTF-8\"", charset);
        }
    }

  return TRUE;
}

/* Ends the entry read so far (if any). */
static gboolean
end_entry (Reader *r)
{
  BakenPoEntry *entry;
  g_autofree char *key = NULL;
  gpointer first;

  if (r->id == NULL && r->context == NULL)
    {
      clear_entry (r);
      return TRUE;
    }
  if (r->id == NULL)
    return fail (r, r->first_line, "msgctxt without msgid; every entry has msgid and msgstr");
  if (r->str == NULL)
    return fail (r, r->id_line, "msgid without msgstr; add msgstr \"\" (empty: not translated)");

  if (r->context == NULL && r->id->len == 0)
    {
      gboolean ok = read_header (r, r->str->str);

      clear_entry (r);
      return ok;
    }

  key = g_strdup_printf ("%s\004%s", r->context != NULL ? r->context->str : "", r->id->str);
  if (g_hash_table_lookup_extended (r->seen, key, NULL, &first))
    return fail (r, r->id_line, "the same msgctxt and msgid as on line %u; remove one of them",
                 GPOINTER_TO_UINT (first));
  g_hash_table_insert (r->seen, g_steal_pointer (&key), GUINT_TO_POINTER (r->id_line));

  entry = g_new0 (BakenPoEntry, 1);
  entry->context = r->context != NULL ? g_string_free (g_steal_pointer (&r->context), FALSE)
                                      : NULL;
  entry->id = g_string_free (g_steal_pointer (&r->id), FALSE);
  entry->str = g_string_free (g_steal_pointer (&r->str), FALSE);
  entry->fuzzy = r->fuzzy;
  entry->line = r->id_line;
  g_ptr_array_add (r->file->entries, entry);
  clear_entry (r);

  return TRUE;
}

/* A string in quotes at p, appended to out; only white space may follow it. */
static gboolean
read_string (Reader     *r,
             guint       line,
             const char *p,
             GString    *out)
{
  while (*p == ' ' || *p == '\t')
    p++;
  if (*p != '"')
    return fail (r, line, "a string must be in double quotes (\"…\")");

  for (p++; *p != '"'; p++)
    {
      if (*p == '\0')
        return fail (r, line, "the string has no closing quote; end it with \" on this line");
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }

      p++;
      switch (*p)
        {
        case 'n': g_string_append_c (out, '\n'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 'a': g_string_append_c (out, '\a'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'v': g_string_append_c (out, '\v'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '"': g_string_append_c (out, '"'); break;
        case '0': case '1': case '2': case '3':
          {
            guint value = 0, n = 0;

            while (n < 3 && *p >= '0' && *p <= '7')
              value = value * 8 + (guint) (*p++ - '0'), n++;
            p--;
            if (value == 0)
              return fail (r, line, "\\0 (a NUL character) cannot be in a text");
            g_string_append_c (out, (char) value);
          }
          break;
        default:
          return fail (r, line, "unknown escape \\%c; write a backslash as \\\\", *p != '\0' ? *p : ' ');
        }
    }

  for (p++; *p == ' ' || *p == '\t'; p++)
    ;
  if (*p != '\0')
    return fail (r, line, "text after the closing quote; put one string per line");

  return TRUE;
}

/* A keyword line: "msgctxt", "msgid" or "msgstr" and its string. */
static gboolean
read_keyword (Reader     *r,
              guint       line,
              const char *text)
{
  if (g_str_has_prefix (text, "msgid_plural") || g_str_has_prefix (text, "msgstr["))
    return fail (r, line, "plural forms are not content texts; remove this entry");

  if (g_str_has_prefix (text, "msgctxt") && (text[7] == ' ' || text[7] == '\t'))
    {
      if (r->str != NULL && !end_entry (r))
        return FALSE;
      if (r->id != NULL)
        return fail (r, line, "msgctxt after msgid; msgctxt comes first in an entry");
      if (r->context != NULL)
        return fail (r, line, "a second msgctxt in one entry");
      r->context = g_string_new (NULL);
      r->first_line = r->first_line != 0 ? r->first_line : line;
      r->part = IN_CONTEXT;
      return read_string (r, line, text + 7, r->context);
    }

  if (g_str_has_prefix (text, "msgid") && (text[5] == ' ' || text[5] == '\t'))
    {
      if (r->str != NULL && !end_entry (r))
        return FALSE;
      if (r->id != NULL)
        return fail (r, r->id_line, "msgid without msgstr; add msgstr \"\" (empty: not "
                     "translated)");
      r->id = g_string_new (NULL);
      r->id_line = line;
      r->first_line = r->first_line != 0 ? r->first_line : line;
      r->part = IN_ID;
      return read_string (r, line, text + 5, r->id);
    }

  if (g_str_has_prefix (text, "msgstr") && (text[6] == ' ' || text[6] == '\t'))
    {
      if (r->id == NULL)
        return fail (r, line, "msgstr without msgid; every entry has msgid and msgstr");
      if (r->str != NULL)
        return fail (r, line, "a second msgstr in one entry");
      r->str = g_string_new (NULL);
      r->part = IN_STR;
      return read_string (r, line, text + 6, r->str);
    }

  return fail (r, line, "unknown keyword; a PO file holds comments (#), msgctxt, msgid, "
               "msgstr and strings in quotes");
}

static gboolean
read_line (Reader     *r,
           guint       line,
           const char *text)
{
  while (*text == ' ' || *text == '\t')
    text++;

  if (*text == '\0')
    return TRUE;

  if (*text == '#')
    {
      /* A comment starts the next entry when this one is complete. */
      if (r->str != NULL && !end_entry (r))
        return FALSE;
      if (r->id != NULL || r->context != NULL)
        return fail (r, line, "a comment inside an entry; comments come before msgctxt and "
                     "msgid");
      if (text[1] == ',')
        {
          g_auto(GStrv) flags = g_strsplit (text + 2, ",", -1);

          for (guint i = 0; flags[i] != NULL; i++)
            if (strcmp (g_strstrip (flags[i]), "fuzzy") == 0)
              r->fuzzy = TRUE;
        }
      r->first_line = r->first_line != 0 ? r->first_line : line;
      r->part = IN_NONE;
      return TRUE;
    }

  if (*text == '"')
    {
      GString *part = r->part == IN_CONTEXT ? r->context :
                      r->part == IN_ID ? r->id :
                      r->part == IN_STR ? r->str : NULL;

      if (part == NULL)
        return fail (r, line, "a string that belongs to no msgctxt, msgid or msgstr");
      return read_string (r, line, text, part);
    }

  return read_keyword (r, line, text);
}

BakenPoFile *
baken_po_read (const char  *path,
               GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(BakenPoFile) file = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *end = NULL;
  char *text, *next;
  gsize length;
  guint line = 1;
  Reader r = { 0, };

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!baken_file_read (path, BAKEN_PO_MAX_SIZE, &contents, &length, error))
    return NULL;

  if (!g_utf8_validate (contents, length, &end))
    {
      for (const char *p = contents; p < end; p++)
        line += *p == '\n';
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s:%u: invalid UTF-8 (byte 0x%02X) or a NUL byte; save the file as UTF-8",
                   path, line, (guchar) *end);
      return NULL;
    }

  file = g_new0 (BakenPoFile, 1);
  file->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_po_entry_free);
  r.path = path;
  r.file = file;
  r.seen = seen;

  text = contents;
  if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
    text += 3;
  for (line = 1; text != NULL; line++, text = next)
    {
      gsize len;

      next = strchr (text, '\n');
      if (next != NULL)
        *next++ = '\0';
      len = strlen (text);
      if (len > 0 && text[len - 1] == '\r')
        text[len - 1] = '\0';
      if (!read_line (&r, line, text))
        break;
    }
  if (r.error == NULL)
    end_entry (&r);
  clear_entry (&r);

  if (r.error != NULL)
    {
      g_propagate_error (error, r.error);
      return NULL;
    }

  return g_steal_pointer (&file);
}

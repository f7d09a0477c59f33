/* baken-lint-contacts.c: phone numbers and web addresses (phone, url, url-https)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A phone number is Dutch or international (+CC); a web address has a well-formed host
 * name, and one for residents starts with https://.
 */
#define G_LOG_DOMAIN "baken-lint"

#include "config.h"

#include "baken-lint-contacts.h"

#include <string.h>

/* Phone numbers */

gboolean
baken_lint_phone_is_valid (const char *number)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean plus = FALSE;
  const char *p = number;

  while (*p == ' ')
    p++;
  if (*p == '+')
    {
      plus = TRUE;
      p++;
    }

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ' ' && *p != '-')
        return FALSE;
      else if (digits->len == 0 || p[1] == '\0' || p[1] == ' ' || p[1] == '-')
        return FALSE;   /* a separator at the start, at the end, or two in a row */
    }

  if (plus)
    {
      if (g_str_has_prefix (digits->str, "31"))
        {
          const char *rest = digits->str + 2;
          gsize n = strlen (rest);

          if (rest[0] == '0')
            return FALSE;   /* +31 (0)30 …: leave out the 0 */
          if (g_str_has_prefix (rest, "800") || g_str_has_prefix (rest, "90"))
            return n == 7 || n == 10;
          return n == 9;
        }
      /* Another country: E.164, at most 15 digits. */
      return digits->str[0] != '0' && digits->len >= 8 && digits->len <= 15;
    }

  /* 0800 and 090x: 8 or 11 digits. */
  if (g_str_has_prefix (digits->str, "0800") || g_str_has_prefix (digits->str, "090"))
    return digits->len == 8 || digits->len == 11;
  /* Ordinary numbers, mobile and 085/088/091: 10 digits. */
  if (digits->str[0] == '0')
    return digits->len == 10 && digits->str[1] != '0';
  /* 14 + area code: 14 010, 14 0115. */
  if (g_str_has_prefix (digits->str, "140"))
    return digits->len == 5 || digits->len == 6;
  /* Short numbers residents know: emergency, 113 suicide prevention, the six-digit 116
   * lines of the EU (116 000, 116 111, 116 123). */
  if (strcmp (digits->str, "112") == 0 || strcmp (digits->str, "113") == 0 ||
      strcmp (digits->str, "144") == 0 || strcmp (digits->str, "1400") == 0)
    return TRUE;
  if (g_str_has_prefix (digits->str, "116"))
    return digits->len == 6;

  return FALSE;
}

void
baken_lint_check_phones (BakenLintContext *lint)
{
  BakenContentSource *s = lint->source;

  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_PHONE); r++)
    {
      const char *number = baken_lint_get (lint, BAKEN_SOURCE_PHONE, r, "number");

      if (number != NULL && !baken_lint_phone_is_valid (number))
        baken_lint_add_field_issue (lint, BAKEN_SOURCE_PHONE, r,
                                    baken_lint_column (BAKEN_SOURCE_PHONE, "number"), 0,
                                    BAKEN_LINT_ERROR, "phone",
                                    "number \"%s\" is not a phone number; write 10 digits "
                                    "starting with 0 (030 123 45 67), a 0800 or 0900 number, 14 "
                                    "and the area code (14 030), or +31 and 9 digits, with spaces "
                                    "or hyphens only", number);
    }
}

/* Web addresses */

static gboolean
host_is_valid (const char *host,
               gsize       length)
{
  gsize label = 0;
  gboolean dot = FALSE;

  if (length == 0 || host[0] == '.' || host[length - 1] == '.')
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = host[i];

      if (c == '.')
        {
          if (label == 0 || host[i - 1] == '-')
            return FALSE;
          label = 0;
          dot = TRUE;
        }
      else if (g_ascii_isalnum (c) || c == '-' || (guchar) c >= 0x80)
        {
          if (label == 0 && c == '-')
            return FALSE;
          label++;
        }
      else
        {
          return FALSE;
        }
    }

  return dot && host[length - 1] != '-';
}

static void
check_url (BakenLintContext *lint,
           BakenSourceTable  table,
           guint             row,
           const char       *column,
           const char       *url)
{
  const char *rest = NULL;
  gsize host_length;
  const char *port;

  if (url == NULL)
    return;

  if (g_str_has_prefix (url, "https://"))
    rest = url + 8;
  else if (g_str_has_prefix (url, "http://"))
    rest = url + 7;
  else
    return;   /* a build error */

  host_length = strcspn (rest, "/?#");
  port = memchr (rest, ':', host_length);
  if (port != NULL)
    {
      for (const char *q = port + 1; q < rest + host_length; q++)
        if (!g_ascii_isdigit (*q))
          port = rest;   /* not a port: invalid host below */
      if (port != rest)
        host_length = port - rest;
    }

  if (!host_is_valid (rest, host_length))
    baken_lint_add_field_issue (lint, table, row, baken_lint_column (table, column), 0,
                                BAKEN_LINT_ERROR, "url",
                                "%s \"%s\" has no valid host name; write the address as the "
                                "browser shows it, such as https://www.voorbeeldstad.nl/schulden",
                                column, url);
  else if (rest == url + 7)
    baken_lint_add_field_issue (lint, table, row, baken_lint_column (table, column), 0,
                                BAKEN_LINT_WARNING, "url-https",
                                "%s \"%s\" starts with http://; residents get a safe connection "
                                "only with https://, so use the https address", column, url);
}

void
baken_lint_check_urls (BakenLintContext *lint)
{
  BakenContentSource *s = lint->source;

  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_ORGANIZATION); r++)
    check_url (lint, BAKEN_SOURCE_ORGANIZATION, r, "website",
               baken_lint_get (lint, BAKEN_SOURCE_ORGANIZATION, r, "website"));
  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_SERVICE); r++)
    check_url (lint, BAKEN_SOURCE_SERVICE, r, "url",
               baken_lint_get (lint, BAKEN_SOURCE_SERVICE, r, "url"));
  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_CHANNEL); r++)
    {
      const char *kind = baken_lint_get (lint, BAKEN_SOURCE_CHANNEL, r, "kind");

      if (g_strcmp0 (kind, "chat") == 0 || g_strcmp0 (kind, "appointment") == 0 ||
          g_strcmp0 (kind, "website") == 0)
        check_url (lint, BAKEN_SOURCE_CHANNEL, r, "value",
                   baken_lint_get (lint, BAKEN_SOURCE_CHANNEL, r, "value"));
    }
}

/* baken-open-steps.c: --open, the steps of development and screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "baken --open event:ID --open lang:ar --open a11y:large" puts the kiosk where a
 * screenshot or a developer wants it, step by step, through the same parts a resident
 * moves: the navigator, the language (the window's "language" property, which the
 * language buttons set), the accessibility settings, the idle prompt. The window
 * refuses it in kiosk mode.
 */
#define G_LOG_DOMAIN "baken-window"

#include "config.h"

#include "baken-open-steps.h"

#include <string.h>

gboolean
baken_open_step_parse (const char          *step,
                       const char * const  *languages,
                       BakenOpenStep       *kind,
                       const char         **argument,
                       GError             **error)
{
  const char *colon = strchr (step, ':');
  g_autofree char *prefix = NULL;
  const char *id;

  *kind = BAKEN_OPEN_STEP_LOCATION;
  *argument = NULL;
  if (colon == NULL || colon[1] == '\0')
    return TRUE;

  prefix = g_strndup (step, colon - step);
  id = colon + 1;

  if (g_str_equal (prefix, "lang"))
    {
      if (!g_strv_contains (languages, id))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "lang:%s: this kiosk offers only the languages of [kiosk] languages",
                       id);
          return FALSE;
        }
      *kind = BAKEN_OPEN_STEP_LANGUAGE;
      *argument = id;
    }
  else if (g_str_equal (prefix, "a11y"))
    {
      *kind = BAKEN_OPEN_STEP_A11Y;
      *argument = id;
    }
  else if (g_str_equal (prefix, "idle") && g_str_equal (id, "prompt"))
    {
      *kind = BAKEN_OPEN_STEP_IDLE_PROMPT;
    }

  return TRUE;
}

gboolean
baken_open_step_run (const BakenOpenParts  *parts,
                     const char            *step,
                     GError               **error)
{
  BakenOpenStep kind;
  const char *argument;

  g_return_val_if_fail (parts != NULL, FALSE);
  g_return_val_if_fail (step != NULL, FALSE);

  if (!baken_open_step_parse (step, parts->languages, &kind, &argument, error))
    return FALSE;

  switch (kind)
    {
    case BAKEN_OPEN_STEP_LANGUAGE:
      g_object_set (parts->window, "language", argument, NULL);
      return TRUE;

    case BAKEN_OPEN_STEP_A11Y:
      return baken_a11y_controller_open (parts->a11y, argument, error);

    case BAKEN_OPEN_STEP_IDLE_PROMPT:
      baken_resident_reset_expire (parts->reset);
      return TRUE;

    case BAKEN_OPEN_STEP_LOCATION:
    default:
      if (!baken_navigator_open (parts->navigator, step, error))
        return FALSE;
      baken_resident_reset_poke (parts->reset);
      return TRUE;
    }
}

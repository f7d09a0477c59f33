/* baken-keyboard.c: the on-screen keyboard for search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text typed so far and the actions the keys activate. The keys themselves, their
 * layouts per language and their order, come from baken-keyboard-keys.c: the keyboard
 * puts the row of accented letters (when the alphabet has one) above the grid of keys,
 * and builds both again when the alphabet changes.
 */
#define G_LOG_DOMAIN "baken-keyboard"

#include "config.h"

#include "baken-keyboard.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baken-keyboard-keys.h"

struct _BakenKeyboard
{
  GtkWidget      parent_instance;

  /* Inputs */
  char          *language;      /* (owned) */

  /* State */
  char          *text;          /* (owned) never NULL */
  guint          max_chars;     /* the longest text, in characters */
  gboolean       show_accents;
  gboolean       latin;

  /* Children, rebuilt when the layout changes */
  GtkWidget     *accent_row;    /* (unowned) (nullable) */
  GtkWidget     *grid;          /* (unowned) */
};

G_DEFINE_FINAL_TYPE (BakenKeyboard, baken_keyboard, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LANGUAGE,
  PROP_TEXT,
  PROP_SHOW_ACCENTS,
  PROP_LATIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
build_keys (BakenKeyboard *self)
{
  g_clear_pointer (&self->accent_row, gtk_widget_unparent);
  g_clear_pointer (&self->grid, gtk_widget_unparent);

  self->accent_row = baken_keyboard_keys_new_accent_row (self->language, self->latin);
  if (self->accent_row != NULL)
    {
      gtk_widget_set_visible (self->accent_row, self->show_accents);
      gtk_widget_set_parent (self->accent_row, GTK_WIDGET (self));
    }

  self->grid = baken_keyboard_keys_new_grid (self->language, self->latin);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
}

static void
set_text_internal (BakenKeyboard *self,
                   char          *text)  /* (transfer full) */
{
  if (g_strcmp0 (self->text, text) == 0)
    {
      g_free (text);
      return;
    }

  g_free (self->text);
  self->text = text;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
type_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BakenKeyboard *self = BAKEN_KEYBOARD (widget);
  const char *key = g_variant_get_string (parameter, NULL);

  if (!g_utf8_validate (key, -1, NULL) || *key == '\0')
    return;

  /* No space at the start and never two: they only make the text harder to read. */
  if (g_str_equal (key, " ") && (*self->text == '\0' || g_str_has_suffix (self->text, " ")))
    return;

  if (g_utf8_strlen (self->text, -1) + g_utf8_strlen (key, -1) > self->max_chars)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  set_text_internal (self, g_strconcat (self->text, key, NULL));
}

static void
backspace_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BakenKeyboard *self = BAKEN_KEYBOARD (widget);
  const char *last;

  if (*self->text == '\0')
    return;

  last = g_utf8_find_prev_char (self->text, self->text + strlen (self->text));
  set_text_internal (self, g_strndup (self->text, last - self->text));
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BakenKeyboard *self = BAKEN_KEYBOARD (widget);

  set_text_internal (self, g_strdup (""));
}

static void
baken_keyboard_constructed (GObject *object)
{
  BakenKeyboard *self = BAKEN_KEYBOARD (object);

  G_OBJECT_CLASS (baken_keyboard_parent_class)->constructed (object);

  if (self->language == NULL)
    self->language = g_strdup ("nl");

  build_keys (self);
}

static void
baken_keyboard_dispose (GObject *object)
{
  BakenKeyboard *self = BAKEN_KEYBOARD (object);

  g_clear_pointer (&self->accent_row, gtk_widget_unparent);
  g_clear_pointer (&self->grid, gtk_widget_unparent);

  G_OBJECT_CLASS (baken_keyboard_parent_class)->dispose (object);
}

static void
baken_keyboard_finalize (GObject *object)
{
  BakenKeyboard *self = BAKEN_KEYBOARD (object);

  g_free (self->language);
  g_free (self->text);

  G_OBJECT_CLASS (baken_keyboard_parent_class)->finalize (object);
}

static void
baken_keyboard_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BakenKeyboard *self = BAKEN_KEYBOARD (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, baken_keyboard_get_language (self));
      break;

    case PROP_TEXT:
      g_value_set_string (value, baken_keyboard_get_text (self));
      break;

    case PROP_SHOW_ACCENTS:
      g_value_set_boolean (value, baken_keyboard_get_show_accents (self));
      break;

    case PROP_LATIN:
      g_value_set_boolean (value, baken_keyboard_get_latin (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_keyboard_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BakenKeyboard *self = BAKEN_KEYBOARD (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      self->language = g_value_dup_string (value);
      break;

    case PROP_TEXT:
      baken_keyboard_set_text (self, g_value_get_string (value));
      break;

    case PROP_SHOW_ACCENTS:
      baken_keyboard_set_show_accents (self, g_value_get_boolean (value));
      break;

    case PROP_LATIN:
      baken_keyboard_set_latin (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_keyboard_class_init (BakenKeyboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = baken_keyboard_constructed;
  object_class->dispose = baken_keyboard_dispose;
  object_class->finalize = baken_keyboard_finalize;
  object_class->get_property = baken_keyboard_get_property;
  object_class->set_property = baken_keyboard_set_property;

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW_ACCENTS] =
    g_param_spec_boolean ("show-accents", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_LATIN] =
    g_param_spec_boolean ("latin", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "keyboard.type", "s", type_action);
  gtk_widget_class_install_action (widget_class, "keyboard.backspace", NULL,
                                   backspace_action);
  gtk_widget_class_install_action (widget_class, "keyboard.clear", NULL, clear_action);
  gtk_widget_class_install_property_action (widget_class, "keyboard.accents",
                                            "show-accents");
  gtk_widget_class_install_property_action (widget_class, "keyboard.latin", "latin");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "keyboard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
baken_keyboard_init (BakenKeyboard *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  self->text = g_strdup ("");
  self->max_chars = BAKEN_KEYBOARD_MAX_CHARS;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  /* Translators: accessible name of the on-screen keyboard */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Toetsenbord"),
                                  -1);
}

GtkWidget *
baken_keyboard_new (const char *language)
{
  g_return_val_if_fail (language != NULL, NULL);

  return g_object_new (BAKEN_TYPE_KEYBOARD,
                       "language", language,
                       NULL);
}

const char *
baken_keyboard_get_language (BakenKeyboard *self)
{
  g_return_val_if_fail (BAKEN_IS_KEYBOARD (self), NULL);

  return self->language;
}

const char *
baken_keyboard_get_text (BakenKeyboard *self)
{
  g_return_val_if_fail (BAKEN_IS_KEYBOARD (self), NULL);

  return self->text;
}

/**
 * baken_keyboard_set_text:
 *
 * Sets the text as if typed: invalid UTF-8 is made valid and the text is cut to
 * the keyboard's max-chars characters (BAKEN_KEYBOARD_MAX_CHARS unless set).
 */
void
baken_keyboard_set_text (BakenKeyboard *self,
                         const char    *text)
{
  g_autofree char *valid = NULL;
  const char *end;

  g_return_if_fail (BAKEN_IS_KEYBOARD (self));

  valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  if (g_utf8_strlen (valid, -1) > self->max_chars)
    {
      end = g_utf8_offset_to_pointer (valid, self->max_chars);
      valid[end - valid] = '\0';
    }

  set_text_internal (self, g_steal_pointer (&valid));
}

guint
baken_keyboard_get_max_chars (BakenKeyboard *self)
{
  g_return_val_if_fail (BAKEN_IS_KEYBOARD (self), 0);

  return self->max_chars;
}

/**
 * baken_keyboard_set_max_chars:
 *
 * Sets the longest text the keyboard holds, in characters; a longer text already typed
 * is cut to it.
 */
void
baken_keyboard_set_max_chars (BakenKeyboard *self,
                              guint          max_chars)
{
  g_return_if_fail (BAKEN_IS_KEYBOARD (self));
  g_return_if_fail (max_chars > 0);

  self->max_chars = max_chars;
  baken_keyboard_set_text (self, self->text);
}

gboolean
baken_keyboard_get_show_accents (BakenKeyboard *self)
{
  g_return_val_if_fail (BAKEN_IS_KEYBOARD (self), FALSE);

  return self->show_accents;
}

void
baken_keyboard_set_show_accents (BakenKeyboard *self,
                                 gboolean       show_accents)
{
  g_return_if_fail (BAKEN_IS_KEYBOARD (self));

  show_accents = !!show_accents;
  if (self->show_accents == show_accents)
    return;

  self->show_accents = show_accents;
  if (self->accent_row != NULL)
    gtk_widget_set_visible (self->accent_row, show_accents);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ACCENTS]);
}

gboolean
baken_keyboard_get_latin (BakenKeyboard *self)
{
  g_return_val_if_fail (BAKEN_IS_KEYBOARD (self), FALSE);

  return self->latin;
}

void
baken_keyboard_set_latin (BakenKeyboard *self,
                          gboolean       latin)
{
  g_return_if_fail (BAKEN_IS_KEYBOARD (self));

  latin = !!latin;
  if (self->latin == latin || !baken_keyboard_has_own_script (self))
    return;

  self->latin = latin;
  build_keys (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATIN]);
}

gboolean
baken_keyboard_has_own_script (BakenKeyboard *self)
{
  g_return_val_if_fail (BAKEN_IS_KEYBOARD (self), FALSE);

  return baken_keyboard_keys_has_own_script (self->language);
}

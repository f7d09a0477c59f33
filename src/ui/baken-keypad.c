/* baken-keypad.c: the keys of the tactile keypad ([keypad] in kiosk.conf)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The config holds key names (checked when it was loaded); here they become GDK key
 * values once, so that each key press is a few comparisons.
 */
#define G_LOG_DOMAIN "baken-keypad"

#include "config.h"

#include "baken-keypad.h"

typedef struct
{
  guint              keyval;
  BakenKeypadCommand command;
} Binding;

struct _BakenKeypad
{
  GObject  parent_instance;

  GArray  *bindings;   /* (owned) (element-type Binding) */
};

G_DEFINE_FINAL_TYPE (BakenKeypad, baken_keypad, G_TYPE_OBJECT)

static void
baken_keypad_finalize (GObject *object)
{
  BakenKeypad *self = BAKEN_KEYPAD (object);

  g_array_unref (self->bindings);

  G_OBJECT_CLASS (baken_keypad_parent_class)->finalize (object);
}

static void
baken_keypad_class_init (BakenKeypadClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = baken_keypad_finalize;
}

static void
baken_keypad_init (BakenKeypad *self)
{
  self->bindings = g_array_new (FALSE, FALSE, sizeof (Binding));
}

BakenKeypad *
baken_keypad_new (BakenConfig *config)
{
  BakenKeypad *self;

  g_return_val_if_fail (config != NULL, NULL);

  self = g_object_new (BAKEN_TYPE_KEYPAD, NULL);
  for (guint c = 0; c < BAKEN_KEYPAD_N_COMMANDS; c++)
    {
      for (guint i = 0; config->keypad[c] != NULL && config->keypad[c][i] != NULL; i++)
        {
          Binding binding = { gdk_keyval_from_name (config->keypad[c][i]), c };

          if (binding.keyval != GDK_KEY_VoidSymbol && binding.keyval != 0)
            g_array_append_val (self->bindings, binding);
        }
    }

  return self;
}

gboolean
baken_keypad_lookup (BakenKeypad        *self,
                     guint               keyval,
                     GdkModifierType     state,
                     BakenKeypadCommand *command)
{
  g_return_val_if_fail (BAKEN_IS_KEYPAD (self), FALSE);
  g_return_val_if_fail (command != NULL, FALSE);

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_HYPER_MASK |
               GDK_META_MASK))
    return FALSE;

  for (guint i = 0; i < self->bindings->len; i++)
    {
      const Binding *binding = &g_array_index (self->bindings, Binding, i);

      if (binding->keyval == keyval)
        {
          *command = binding->command;
          return TRUE;
        }
    }

  return FALSE;
}

/* baken-feedback.c: "Heeft dit u geholpen?" and "Klopt er iets niet?", one tap each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-feedback"

#include "config.h"

#include "baken-feedback.h"

#include "baken-icon.h"

struct _BakenFeedback
{
  GtkWidget          parent_instance;

  BakenContext      *context;      /* (owned) */
  BakenFeedbackKind  kind;
  char              *service_id;   /* (owned) */
  gboolean           answered;
  guint              hide_id;

  /* Template children */
  GtkStack          *stack;
  GtkLabel          *helped_question;
  GtkWidget         *reasons_question;
  GtkWidget         *reasons;
  GtkWidget         *thanks;
};

G_DEFINE_FINAL_TYPE (BakenFeedback, baken_feedback, GTK_TYPE_WIDGET)

static gboolean
hide_cb (gpointer user_data)
{
  BakenFeedback *self = user_data;

  self->hide_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  return G_SOURCE_REMOVE;
}

/* One answer: counted once, thanked, and gone a little later. */
static void
answer (BakenFeedback  *self,
        BakenCountKind  kind,
        const char     *detail)
{
  GtkRoot *root;
  GtkWidget *focus;
  gboolean focused;

  if (self->answered)
    return;
  self->answered = TRUE;
  baken_context_count (self->context, kind, self->service_id, detail);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  focused = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "thanks");
  /* The answer had the focus: it goes on where a new page would put it, not to the
   * scroller around the answer that is gone. */
  if (focused)
    gtk_widget_activate_action (GTK_WIDGET (self), "focus.place", NULL);
  /* A label does not take the focus: said through the window's speech, when it speaks. */
  gtk_widget_activate_action (GTK_WIDGET (self), "a11y.say", "s",
                              gtk_label_get_text (GTK_LABEL (self->thanks)));
  self->hide_id = g_timeout_add (BAKEN_FEEDBACK_THANKS_MS, hide_cb, self);
}

static void
helped_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  answer (BAKEN_FEEDBACK (widget), BAKEN_COUNT_HELPED, g_variant_get_string (parameter, NULL));
}

static void
wrong_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  answer (BAKEN_FEEDBACK (widget), BAKEN_COUNT_WRONG, g_variant_get_string (parameter, NULL));
}

static void
open_reasons_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BakenFeedback *self = BAKEN_FEEDBACK (widget);

  gtk_stack_set_visible_child_name (self->stack, "wrong-reasons");
  /* The first reason, so the keypad and speech mode go on from there. */
  gtk_widget_child_focus (gtk_stack_get_visible_child (self->stack), GTK_DIR_TAB_FORWARD);
}

static void
baken_feedback_dispose (GObject *object)
{
  BakenFeedback *self = BAKEN_FEEDBACK (object);

  g_clear_handle_id (&self->hide_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BAKEN_TYPE_FEEDBACK);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (baken_feedback_parent_class)->dispose (object);
}

static void
baken_feedback_finalize (GObject *object)
{
  BakenFeedback *self = BAKEN_FEEDBACK (object);

  g_free (self->service_id);

  G_OBJECT_CLASS (baken_feedback_parent_class)->finalize (object);
}

static void
baken_feedback_class_init (BakenFeedbackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_feedback_dispose;
  object_class->finalize = baken_feedback_finalize;

  g_type_ensure (BAKEN_TYPE_ICON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/baken/Kiosk/ui/baken-feedback.ui");
  gtk_widget_class_bind_template_child (widget_class, BakenFeedback, stack);
  gtk_widget_class_bind_template_child (widget_class, BakenFeedback, helped_question);
  gtk_widget_class_bind_template_child (widget_class, BakenFeedback, reasons_question);
  gtk_widget_class_bind_template_child (widget_class, BakenFeedback, reasons);
  gtk_widget_class_bind_template_child (widget_class, BakenFeedback, thanks);
  gtk_widget_class_set_css_name (widget_class, "feedback");

  gtk_widget_class_install_action (widget_class, "feedback.helped", "s", helped_activated);
  gtk_widget_class_install_action (widget_class, "feedback.wrong", "s", wrong_activated);
  gtk_widget_class_install_action (widget_class, "feedback.open-reasons", NULL,
                                   open_reasons_activated);
}

static void
baken_feedback_init (BakenFeedback *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The focus goes to each reason's button, not to the flow box's cell around it: Enter
   * presses the button, and speech mode says "…, knop". */
  for (GtkWidget *child = gtk_widget_get_first_child (self->reasons);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

GtkWidget *
baken_feedback_new (BakenContext      *context,
                    BakenFeedbackKind  kind,
                    const char        *service_id)
{
  BakenFeedback *self;

  g_return_val_if_fail (BAKEN_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (service_id != NULL, NULL);

  self = g_object_new (BAKEN_TYPE_FEEDBACK, NULL);
  self->context = g_object_ref (context);
  self->kind = kind;
  self->service_id = g_strdup (service_id);
  gtk_stack_set_visible_child_name (self->stack, kind == BAKEN_FEEDBACK_HELPED ? "helped"
                                                                               : "wrong-ask");

  return GTK_WIDGET (self);
}

const char *
baken_feedback_get_question (BakenFeedback *self)
{
  const char *shown;

  g_return_val_if_fail (BAKEN_IS_FEEDBACK (self), NULL);

  shown = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (shown, "helped") == 0)
    return gtk_label_get_text (self->helped_question);
  if (g_strcmp0 (shown, "wrong-reasons") == 0)
    return gtk_label_get_text (GTK_LABEL (self->reasons_question));

  return NULL;
}

gboolean
baken_feedback_shows (BakenFeedback *self,
                      GtkWidget     *widget)
{
  GtkWidget *shown;

  g_return_val_if_fail (BAKEN_IS_FEEDBACK (self), FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  shown = gtk_stack_get_visible_child (self->stack);
  return shown != NULL && (widget == shown || gtk_widget_is_ancestor (widget, shown));
}

gboolean
baken_feedback_get_answered (BakenFeedback *self)
{
  g_return_val_if_fail (BAKEN_IS_FEEDBACK (self), FALSE);

  return self->answered;
}

gboolean
baken_feedback_is_untouched (BakenFeedback *self)
{
  const char *first;

  g_return_val_if_fail (BAKEN_IS_FEEDBACK (self), FALSE);

  first = self->kind == BAKEN_FEEDBACK_HELPED ? "helped" : "wrong-ask";
  return !self->answered && gtk_widget_get_visible (GTK_WIDGET (self)) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), first) == 0;
}

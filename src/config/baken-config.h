/* baken-config.h: kiosk.conf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "baken-holidays.h"
#include "baken-monitor-settings.h"
#include "baken-slip.h"
#include "baken-slip-render.h"
#include "baken-sync-policy.h"

G_BEGIN_DECLS

#define BAKEN_CONFIG_ERROR (baken_config_error_quark ())

typedef enum {
  BAKEN_CONFIG_ERROR_READ,         /* cannot read or parse the file */
  BAKEN_CONFIG_ERROR_UNKNOWN_KEY,  /* a group or key this version does not know */
  BAKEN_CONFIG_ERROR_BAD_VALUE,    /* a value of the wrong type or out of range */
} BakenConfigError;

GQuark baken_config_error_quark (void);

/* What a key of the tactile keypad ([keypad] in kiosk.conf) does. */
typedef enum {
  BAKEN_KEYPAD_HELP,     /* speech mode on; where am I, how do I move */
  BAKEN_KEYPAD_UP,       /* the previous control */
  BAKEN_KEYPAD_DOWN,     /* the next control */
  BAKEN_KEYPAD_ENTER,    /* activate the focused control */
  BAKEN_KEYPAD_BACK,
  BAKEN_KEYPAD_HOME,
  BAKEN_KEYPAD_REPEAT,   /* say the focused control again */
  BAKEN_KEYPAD_VOLUME_UP,
  BAKEN_KEYPAD_VOLUME_DOWN,
  BAKEN_KEYPAD_FASTER,   /* speech faster */
  BAKEN_KEYPAD_SLOWER,   /* speech slower */
  BAKEN_KEYPAD_STOP,     /* stop what is being said */
  BAKEN_KEYPAD_N_COMMANDS
} BakenKeypadCommand;

/* The [keypad] key of a command: "help", "up", … */
const char *baken_keypad_command_get_key (BakenKeypadCommand command);

/* Immutable after loading; share it by reference. */
typedef struct
{
  /*< private >*/
  gatomicrefcount    ref_count;

  /*< public >*/
  /* [kiosk] */
  char              *name;            /* "Bibliotheek Voorbeeldstad" */
  gboolean           has_location;
  double             latitude;
  double             longitude;
  GStrv              languages;       /* offered languages, Dutch first */
  guint              language_coverage; /* percent of the content a language needs before
                                       * it is offered (90) */
  /* [content] */
  char              *content_path;    /* (nullable) a content DB; NULL: the embedded demo */
  /* [idle] */
  guint              idle_timeout;    /* seconds without input before the prompt (≥ 20) */
  guint              idle_countdown;  /* seconds the prompt waits (≥ 5) */
  /* [hours] */
  BakenHolidayFlags  holidays;
  /* [print] */
  char              *printer;         /* (nullable) CUPS queue; NULL: the CUPS default */
  BakenPaper         paper;
  guint              print_timeout;   /* seconds from submitting until the slip must be
                                       * out, else the job is cancelled (30) */
  /* [staff] */
  char              *staff_pin_hash;  /* (nullable) argon2id; NULL: staff mode is off */
  guint              staff_idle_timeout; /* seconds without input before staff mode ends
                                       * (60) */
  gboolean           staff_desk_pin;  /* baken --desk asks for the PIN at start (TRUE) */
  /* [sync] */
  BakenSyncSettings  sync;
  /* [monitor] */
  BakenMonitorSettings monitor;
  /* [keypad] */
  GStrv              keypad[BAKEN_KEYPAD_N_COMMANDS]; /* GDK/X key names per command,
                                       * e.g. { "KP_Add", NULL } for help; never NULL */
  guint              speech_time_factor; /* the idle timeout × this in speech mode (3) */
  guint              invite_every;    /* seconds between spoken invitations on Home; 0:
                                       * never (the default) */
  guint              double_strike_ms; /* the same keypad key again within this is not
                                       * taken (EN 301 549 5.8); 0: off (the default) */
  /* [speech] */
  guint              speech_volume;   /* percent the speech sink is set to at every idle
                                       * reset and when a headset comes in (50) */
} BakenConfig;

GType        baken_config_get_type  (void) G_GNUC_CONST;
BakenConfig *baken_config_new       (void);  /* the defaults: runs the demo */
/* Loads a GKeyFile. Unknown groups/keys and bad values are errors that name
 * "FILE:LINE: …" and say what to do. */
BakenConfig *baken_config_load      (const char   *path,
                                     GError      **error);
BakenConfig *baken_config_ref       (BakenConfig  *self);
void         baken_config_unref     (BakenConfig  *self);
/* The kiosk's name, place and holidays as the slip model takes them; place borrows
 * self's strings. */
void         baken_config_get_slip_place (BakenConfig    *self,
                                          BakenSlipPlace *place);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenConfig, baken_config_unref)

G_END_DECLS

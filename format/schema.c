/* schema.c — the prefix tables of the text fields declared in schema.h. */
#include "schema.h"

const ls_field_prefixes ls_body_field = {"", LS_PREFIX_FOLDED, LS_PREFIX_PAIR,
                                         LS_PREFIX_PAIR_FOLDED, LS_INDEXED_ALL};
const ls_field_prefixes ls_heading_field = {LS_PREFIX_HEADING, LS_PREFIX_HEADING_FOLDED,
                                            LS_PREFIX_HEADING_PAIR,
                                            LS_PREFIX_HEADING_PAIR_FOLDED,
                                            LS_INDEXED_PAIR | LS_INDEXED_FOLDED_PAIR};
const ls_field_prefixes ls_definition_field = {LS_PREFIX_DEFINED, LS_PREFIX_DEFINED_FOLDED,
                                               LS_PREFIX_DEFINED_PAIR,
                                               LS_PREFIX_DEFINED_PAIR_FOLDED,
                                               LS_INDEXED_TERM | LS_INDEXED_FOLDED |
                                                   LS_INDEXED_FOLDED_PAIR};

/* The token pattern matcher's walk, compiled: every (label, start, end) at
 * which a pattern of the wanted labels matches a text's tokens.
 *
 * The twin of ``pipeline.references.token_patterns.TokenPatterns.python_matches``:
 * the same prefix tree of the patterns (given flat: nodes, their edges and the
 * labels ending at them), followed in the same order, each distinct token's
 * answer to each predicate asked of Python once (``ask(key, predicate)``) and
 * kept. One call at a time: the caller holds a lock around ``matches``, as
 * ``ask`` runs Python code, during which another thread could come in.
 * tests/test_token_patterns.py holds the twins to the same matches on
 * hand-made cases, on random texts and on every sample and corpus text.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

typedef struct {
    int predicate;
    char optional; /* "?" or "*": may match no token */
    char repeats;  /* "*" or "+": may match more than one */
    int child;
} Edge;

typedef struct {
    Py_ssize_t edge_start, edge_count, end_start, end_count;
    uint64_t labels; /* every label ending at this node or below it */
} Node;

typedef struct {
    Py_ssize_t label, start, end;
} Match;

typedef struct {
    Match *items;
    Py_ssize_t count, room;
} Found;

typedef struct {
    PyObject_HEAD
    Node *nodes;
    Edge *edges;
    int *ends;
    int predicates;
    Py_ssize_t kept;  /* distinct tokens remembered before starting afresh */
    PyObject *ask;    /* ask(key, predicate) -> bool */
    PyObject *ids;    /* key -> the token's number */
    PyObject *keys;   /* the keys, by number */
    uint8_t *answers; /* number * predicates + predicate: 0 not asked, 1 no, 2 yes */
    Py_ssize_t room;  /* the tokens ``answers`` has room for */
} Matcher;

/* One walk's inputs: the text's tokens (their numbers) and the wanted labels. */
typedef struct {
    Matcher *matcher;
    const Py_ssize_t *tokens;
    Py_ssize_t count;
    uint64_t wanted;
    Found found;
} Walk;

static void matcher_dealloc(Matcher *self) {
    PyMem_Free(self->nodes);
    PyMem_Free(self->edges);
    PyMem_Free(self->ends);
    PyMem_Free(self->answers);
    Py_XDECREF(self->ask);
    Py_XDECREF(self->ids);
    Py_XDECREF(self->keys);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static Py_ssize_t as_index(PyObject *item, Py_ssize_t limit, const char *what) {
    Py_ssize_t value = PyLong_AsSsize_t(item);
    if (value == -1 && PyErr_Occurred())
        return -1;
    if (value < 0 || value >= limit) {
        PyErr_Format(PyExc_ValueError, "%s %zd is out of range", what, value);
        return -1;
    }
    return value;
}

/* Read the tree: ``nodes`` a list of (edges, ends, labels), each edge a tuple
 * (predicate, optional, repeats, child), ``ends`` label numbers below 64,
 * ``labels`` their mask with those below; node 0 the root. */
static int read_tree(Matcher *self, PyObject *nodes) {
    Py_ssize_t node_count = PyList_GET_SIZE(nodes), edge_total = 0, end_total = 0;
    for (Py_ssize_t i = 0; i < node_count; i++) {
        PyObject *node = PyList_GET_ITEM(nodes, i);
        if (!PyTuple_Check(node) || PyTuple_GET_SIZE(node) != 3 || !PyList_Check(PyTuple_GET_ITEM(node, 0)) ||
            !PyList_Check(PyTuple_GET_ITEM(node, 1))) {
            PyErr_SetString(PyExc_TypeError, "a node is a tuple (edges list, ends list, labels mask)");
            return -1;
        }
        edge_total += PyList_GET_SIZE(PyTuple_GET_ITEM(node, 0));
        end_total += PyList_GET_SIZE(PyTuple_GET_ITEM(node, 1));
    }
    self->nodes = PyMem_Calloc(node_count ? node_count : 1, sizeof(Node));
    self->edges = PyMem_Calloc(edge_total ? edge_total : 1, sizeof(Edge));
    self->ends = PyMem_Calloc(end_total ? end_total : 1, sizeof(int));
    if (!self->nodes || !self->edges || !self->ends) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t edge_at = 0, end_at = 0;
    for (Py_ssize_t i = 0; i < node_count; i++) {
        PyObject *node = PyList_GET_ITEM(nodes, i), *edges = PyTuple_GET_ITEM(node, 0), *ends = PyTuple_GET_ITEM(node, 1);
        Node *into = &self->nodes[i];
        into->labels = PyLong_AsUnsignedLongLong(PyTuple_GET_ITEM(node, 2));
        if (into->labels == (uint64_t)-1 && PyErr_Occurred())
            return -1;
        into->edge_start = edge_at;
        into->edge_count = PyList_GET_SIZE(edges);
        for (Py_ssize_t e = 0; e < into->edge_count; e++, edge_at++) {
            PyObject *edge = PyList_GET_ITEM(edges, e);
            if (!PyTuple_Check(edge) || PyTuple_GET_SIZE(edge) != 4) {
                PyErr_SetString(PyExc_TypeError, "an edge is a tuple (predicate, optional, repeats, child)");
                return -1;
            }
            Py_ssize_t predicate = as_index(PyTuple_GET_ITEM(edge, 0), self->predicates, "predicate");
            Py_ssize_t child = as_index(PyTuple_GET_ITEM(edge, 3), node_count, "node");
            int optional = PyObject_IsTrue(PyTuple_GET_ITEM(edge, 1)), repeats = PyObject_IsTrue(PyTuple_GET_ITEM(edge, 2));
            if (predicate < 0 || child < 0 || optional < 0 || repeats < 0)
                return -1;
            self->edges[edge_at] = (Edge){(int)predicate, (char)optional, (char)repeats, (int)child};
        }
        into->end_start = end_at;
        into->end_count = PyList_GET_SIZE(ends);
        for (Py_ssize_t e = 0; e < into->end_count; e++, end_at++) {
            Py_ssize_t label = as_index(PyList_GET_ITEM(ends, e), 64, "label");
            if (label < 0)
                return -1;
            self->ends[end_at] = (int)label;
        }
    }
    return 0;
}

static int matcher_init(Matcher *self, PyObject *args, PyObject *kwargs) {
    static char *names[] = {"nodes", "predicates", "ask", "kept", NULL};
    PyObject *nodes, *ask;
    int predicates;
    Py_ssize_t kept;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!iOn", names, &PyList_Type, &nodes, &predicates, &ask, &kept))
        return -1;
    if (self->ids != NULL) {
        PyErr_SetString(PyExc_TypeError, "a Matcher is made once");
        return -1;
    }
    if (PyList_GET_SIZE(nodes) == 0 || predicates < 0 || kept < 1 || !PyCallable_Check(ask)) {
        PyErr_SetString(PyExc_ValueError, "a Matcher needs a root node, a predicate count, a callable ask and kept >= 1");
        return -1;
    }
    self->predicates = predicates;
    self->kept = kept;
    Py_INCREF(ask);
    self->ask = ask;
    self->ids = PyDict_New();
    self->keys = PyList_New(0);
    if (!self->ids || !self->keys)
        return -1;
    return read_tree(self, nodes);
}

/* The number of ``key``, given one (and room for its answers) when it is new; -1 on error. */
static Py_ssize_t token_number(Matcher *self, PyObject *key) {
    PyObject *known = PyDict_GetItemWithError(self->ids, key);
    if (known != NULL)
        return PyLong_AsSsize_t(known);
    if (PyErr_Occurred())
        return -1;
    Py_ssize_t number = PyList_GET_SIZE(self->keys);
    if (number >= self->room) {
        Py_ssize_t room = self->room ? self->room * 2 : 1024;
        uint8_t *answers = PyMem_Realloc(self->answers, (size_t)room * (size_t)(self->predicates ? self->predicates : 1));
        if (answers == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memset(answers + self->room * self->predicates, 0, (size_t)(room - self->room) * (size_t)self->predicates);
        self->answers = answers;
        self->room = room;
    }
    PyObject *value = PyLong_FromSsize_t(number);
    if (value == NULL)
        return -1;
    int failed = PyDict_SetItem(self->ids, key, value) < 0 || PyList_Append(self->keys, key) < 0;
    Py_DECREF(value);
    return failed ? -1 : number;
}

/* Whether token ``number`` satisfies ``predicate``: 1, 0, or -1 on error. */
static int answer(Matcher *self, Py_ssize_t number, int predicate) {
    Py_ssize_t at = number * self->predicates + predicate;
    if (self->answers[at])
        return self->answers[at] == 2;
    PyObject *result = PyObject_CallFunction(self->ask, "Oi", PyList_GET_ITEM(self->keys, number), predicate);
    if (result == NULL)
        return -1;
    int holds = PyObject_IsTrue(result);
    Py_DECREF(result);
    if (holds < 0)
        return -1;
    self->answers[at] = holds ? 2 : 1;
    return holds;
}

static int add_match(Found *found, Py_ssize_t label, Py_ssize_t start, Py_ssize_t end) {
    if (found->count == found->room) {
        Py_ssize_t room = found->room ? found->room * 2 : 64;
        Match *items = PyMem_Realloc(found->items, (size_t)room * sizeof(Match));
        if (items == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        found->items = items;
        found->room = room;
    }
    found->items[found->count++] = (Match){label, start, end};
    return 0;
}

static int follow(Walk *walk, const Node *from, Py_ssize_t start, Py_ssize_t position);

/* A match begun at ``start`` has come to ``node`` before token ``position``. */
static int reach(Walk *walk, const Node *node, Py_ssize_t start, Py_ssize_t position) {
    const int *ends = walk->matcher->ends;
    for (Py_ssize_t i = node->end_start; i < node->end_start + node->end_count; i++) {
        /* a match of no token is none (python_matches drops them at the end) */
        if (position > start && (walk->wanted >> ends[i] & 1) && add_match(&walk->found, ends[i], start, position) < 0)
            return -1;
    }
    return node->edge_count ? follow(walk, node, start, position) : 0;
}

/* The matches begun at token ``start`` that go on from token ``position``
 * through one of the edges of ``from``. */
static int follow(Walk *walk, const Node *from, Py_ssize_t start, Py_ssize_t position) {
    Matcher *self = walk->matcher;
    for (Py_ssize_t e = from->edge_start; e < from->edge_start + from->edge_count; e++) {
        const Edge *edge = &self->edges[e];
        const Node *node = &self->nodes[edge->child];
        if (!(node->labels & walk->wanted))
            continue;
        if (edge->optional && reach(walk, node, start, position) < 0)
            return -1;
        for (Py_ssize_t at = position; at < walk->count;) {
            int holds = answer(self, walk->tokens[at], edge->predicate);
            if (holds < 0)
                return -1;
            if (!holds)
                break;
            at++;
            if (reach(walk, node, start, at) < 0)
                return -1;
            if (!edge->repeats)
                break;
        }
    }
    return 0;
}

/* The walk's matches as a list of (label, start, end) tuples, each once, in the order found. */
static PyObject *distinct_matches(const Found *found) {
    PyObject *result = PyList_New(0), *seen = PySet_New(NULL);
    if (result == NULL || seen == NULL)
        goto failed;
    for (Py_ssize_t i = 0; i < found->count; i++) {
        const Match *match = &found->items[i];
        PyObject *item = Py_BuildValue("(nnn)", match->label, match->start, match->end);
        if (item == NULL)
            goto failed;
        int known = PySet_Contains(seen, item);
        if (known < 0 || (!known && (PySet_Add(seen, item) < 0 || PyList_Append(result, item) < 0))) {
            Py_DECREF(item);
            goto failed;
        }
        Py_DECREF(item);
    }
    Py_DECREF(seen);
    return result;
failed:
    Py_XDECREF(result);
    Py_XDECREF(seen);
    return NULL;
}

PyDoc_STRVAR(matches_doc, "matches(keys, wanted) -> [(label, start, end)]\n\n"
                          "Every match of a pattern whose label's bit is set in ``wanted`` over the tokens\n"
                          "``keys`` (hashable, each passed to ``ask`` the first time a predicate is tried on it).");

static PyObject *matcher_matches(Matcher *self, PyObject *args) {
    PyObject *given, *result = NULL;
    unsigned long long wanted;
    if (!PyArg_ParseTuple(args, "OK", &given, &wanted))
        return NULL;
    PyObject *keys = PySequence_Fast(given, "keys must be a sequence");
    if (keys == NULL)
        return NULL;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(keys);
    Walk walk = {self, NULL, count, (uint64_t)wanted, {NULL, 0, 0}};
    Py_ssize_t *tokens = PyMem_Malloc((size_t)(count ? count : 1) * sizeof(Py_ssize_t));
    if (tokens == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if (PyList_GET_SIZE(self->keys) > self->kept) {
        PyDict_Clear(self->ids);
        if (PyList_SetSlice(self->keys, 0, PyList_GET_SIZE(self->keys), NULL) < 0)
            goto done;
        if (self->answers != NULL)
            memset(self->answers, 0, (size_t)self->room * (size_t)self->predicates);
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        if ((tokens[i] = token_number(self, PySequence_Fast_GET_ITEM(keys, i))) < 0)
            goto done;
    }
    walk.tokens = tokens;
    for (Py_ssize_t start = 0; start < count; start++) {
        if (follow(&walk, &self->nodes[0], start, start) < 0)
            goto done;
    }
    result = distinct_matches(&walk.found);
done:
    PyMem_Free(walk.found.items);
    PyMem_Free(tokens);
    Py_DECREF(keys);
    return result;
}

static PyMethodDef matcher_methods[] = {
    {"matches", (PyCFunction)matcher_matches, METH_VARARGS, matches_doc},
    {NULL, NULL, 0, NULL},
};

PyDoc_STRVAR(matcher_doc, "Matcher(nodes, predicates, ask, kept)\n\n"
                          "The prefix tree of the token patterns, flat: ``nodes`` a list of (edges, ends,\n"
                          "labels) with node 0 the root, each edge (predicate, optional, repeats, child),\n"
                          "``ends`` the label numbers ending at the node, ``labels`` the mask of those at or\n"
                          "below it; ``ask(key, predicate)`` answers a predicate for a token; ``kept``\n"
                          "distinct tokens are remembered before starting afresh.");

static PyTypeObject MatcherType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "pipeline.references._token_patterns.Matcher",
    .tp_basicsize = sizeof(Matcher),
    .tp_dealloc = (destructor)matcher_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = matcher_doc,
    .tp_methods = matcher_methods,
    .tp_init = (initproc)matcher_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_token_patterns",
    "The token pattern matcher's walk, compiled (see pipeline.references.token_patterns).", -1,
    NULL, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__token_patterns(void) {
    if (PyType_Ready(&MatcherType) < 0)
        return NULL;
    PyObject *created = PyModule_Create(&module);
    if (created == NULL)
        return NULL;
    Py_INCREF(&MatcherType);
    if (PyModule_AddObject(created, "Matcher", (PyObject *)&MatcherType) < 0) {
        Py_DECREF(&MatcherType);
        Py_DECREF(created);
        return NULL;
    }
    return created;
}

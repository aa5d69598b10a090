/* The layout's loops over a page's words, compiled: words grouped into lines,
 * a line's measures in one pass over its words, and words placed in the cells
 * of a ruled table.
 *
 * The twins of ``extractors.pdf_lines.python_line_groups``,
 * ``python_line_measures`` and ``extractors.pdf_tables.python_place_words``:
 * the same comparisons, in the same order, on the same word attributes, and
 * the same objects returned (the extreme coordinates are the words' own float
 * objects). tests/test_pdf_layout_compiled.py holds the twins to the same
 * results on hand-made cases and on every page of the sample and corpus PDFs.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

static PyObject *X0, *TOP, *X1, *BOTTOM, *SIZE, *ELEMENT, *ARTIFACT, *TEXT, *SPACE, *EMPTY;

/* One word's attributes, new references; 0, or -1 with an error set. */
typedef struct {
    PyObject *x0, *top, *x1, *bottom, *size, *text;
} Attributes;

static void release(Attributes *a) {
    Py_XDECREF(a->x0);
    Py_XDECREF(a->top);
    Py_XDECREF(a->x1);
    Py_XDECREF(a->bottom);
    Py_XDECREF(a->size);
    Py_XDECREF(a->text);
}

static int read_attributes(PyObject *word, Attributes *a) {
    a->x0 = PyObject_GetAttr(word, X0);
    a->top = PyObject_GetAttr(word, TOP);
    a->x1 = PyObject_GetAttr(word, X1);
    a->bottom = PyObject_GetAttr(word, BOTTOM);
    a->size = PyObject_GetAttr(word, SIZE);
    a->text = PyObject_GetAttr(word, TEXT);
    if (!a->x0 || !a->top || !a->x1 || !a->bottom || !a->size || !a->text)
        return -1;
    if (!PyUnicode_Check(a->text)) {
        PyErr_SetString(PyExc_TypeError, "a word's text must be a str");
        return -1;
    }
    return 0;
}

/* ``candidate < current`` (or ``>`` where ``greater``), Python's comparison; -1 on error. */
static int beats(PyObject *candidate, PyObject *current, int greater) {
    return PyObject_RichCompareBool(candidate, current, greater ? Py_GT : Py_LT);
}

/* Keep ``*best`` (a new reference) the winner of it and ``candidate``; -1 on error. */
static int keep_extreme(PyObject **best, PyObject *candidate, int greater) {
    int wins = beats(candidate, *best, greater);
    if (wins < 0)
        return -1;
    if (wins) {
        Py_INCREF(candidate);
        Py_SETREF(*best, candidate);
    }
    return 0;
}

/* Python's max(a, b, 1.0) > 0.12 * … test of ``join_words``: whether a space
 * stands between the words (gap over 0.12 of the larger size, at least 1). */
static int spaced(Attributes *before, Attributes *after) {
    double gap = PyFloat_AsDouble(after->x0) - PyFloat_AsDouble(before->x1);
    double larger = PyFloat_AsDouble(after->size), other = PyFloat_AsDouble(before->size);
    if (PyErr_Occurred())
        return -1;
    if (other > larger)
        larger = other;
    if (1.0 > larger)
        larger = 1.0;
    return gap > 0.12 * larger;
}

PyDoc_STRVAR(line_measures_doc,
"line_measures(words) -> (x0, top, x1, bottom, one_size, one_element, artifact, longest, text)\n\n"
"What one pass over a line's words (a non-empty sequence) tells: its extreme\n"
"coordinates, whether all words share the first's size and element, whether\n"
"all are artifacts, the first longest word, and the words joined as\n"
"``pdf_lines.join_words`` joins them.");

static PyObject *line_measures(PyObject *module, PyObject *given) {
    (void)module;
    PyObject *words = PySequence_Fast(given, "words must be a sequence");
    if (words == NULL)
        return NULL;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(words);
    if (count == 0) {
        Py_DECREF(words);
        PyErr_SetString(PyExc_ValueError, "a line has at least one word");
        return NULL;
    }
    PyObject *first = PySequence_Fast_GET_ITEM(words, 0);
    Attributes previous = {0}, current = {0};
    PyObject *x0 = NULL, *top = NULL, *x1 = NULL, *bottom = NULL, *size = NULL, *element = NULL;
    PyObject *longest = first, *pieces = NULL, *result = NULL;
    Py_ssize_t longest_length = -1;
    int one_size = 1, one_element = 1, artifact = 1;
    if (read_attributes(first, &previous) < 0)
        goto done;
    x0 = Py_NewRef(previous.x0);
    top = Py_NewRef(previous.top);
    x1 = Py_NewRef(previous.x1);
    bottom = Py_NewRef(previous.bottom);
    size = Py_NewRef(previous.size);
    element = PyObject_GetAttr(first, ELEMENT);
    pieces = PyList_New(0);
    if (element == NULL || pieces == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *word = PySequence_Fast_GET_ITEM(words, i);
        Attributes *a = &previous;
        if (i > 0) {
            if (read_attributes(word, &current) < 0)
                goto done;
            a = &current;
            int space = spaced(&previous, &current);
            if (space < 0 || (space && PyList_Append(pieces, SPACE) < 0))
                goto done;
        }
        if (keep_extreme(&x0, a->x0, 0) < 0 || keep_extreme(&top, a->top, 0) < 0 || keep_extreme(&x1, a->x1, 1) < 0
            || keep_extreme(&bottom, a->bottom, 1) < 0)
            goto done;
        if (one_size) {
            one_size = PyObject_RichCompareBool(a->size, size, Py_EQ);
            if (one_size < 0)
                goto done;
        }
        if (one_element) {
            PyObject *own = PyObject_GetAttr(word, ELEMENT);
            one_element = own ? PyObject_RichCompareBool(own, element, Py_EQ) : -1;
            Py_XDECREF(own);
            if (one_element < 0)
                goto done;
        }
        if (artifact) {
            PyObject *own = PyObject_GetAttr(word, ARTIFACT);
            artifact = own ? PyObject_IsTrue(own) : -1;
            Py_XDECREF(own);
            if (artifact < 0)
                goto done;
        }
        Py_ssize_t length = PyUnicode_GET_LENGTH(a->text);
        if (length > longest_length) {
            longest = word;
            longest_length = length;
        }
        if (PyList_Append(pieces, a->text) < 0)
            goto done;
        if (i > 0) {
            release(&previous);
            previous = current;
            current = (Attributes){0};
        }
    }
    PyObject *text = PyUnicode_Join(EMPTY, pieces);
    if (text == NULL)
        goto done;
    result = Py_BuildValue("(OOOOOOONN)", x0, top, x1, bottom, one_size ? Py_True : Py_False,
                           one_element ? Py_True : Py_False, artifact ? Py_True : Py_False,
                           Py_NewRef(longest), text);
done:
    release(&previous);
    release(&current);
    Py_XDECREF(x0);
    Py_XDECREF(top);
    Py_XDECREF(x1);
    Py_XDECREF(bottom);
    Py_XDECREF(size);
    Py_XDECREF(element);
    Py_XDECREF(pieces);
    Py_DECREF(words);
    return result;
}

PyDoc_STRVAR(line_groups_doc,
"line_groups(words) -> list of lists\n\n"
"Words (sorted top to bottom, then left to right) into lines: a word joins the\n"
"open line when they overlap vertically by at least half the shorter of the two\n"
"(half a point where that is nothing).");

static PyObject *line_groups(PyObject *module, PyObject *given) {
    (void)module;
    PyObject *words = PySequence_Fast(given, "words must be a sequence");
    if (words == NULL)
        return NULL;
    PyObject *groups = PyList_New(0), *current = NULL;
    double top = 0, bottom = 0;
    if (groups == NULL)
        goto failed;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(words); i++) {
        PyObject *word = PySequence_Fast_GET_ITEM(words, i);
        PyObject *top_value = PyObject_GetAttr(word, TOP), *bottom_value = PyObject_GetAttr(word, BOTTOM);
        double word_top = top_value ? PyFloat_AsDouble(top_value) : -1;
        double word_bottom = bottom_value ? PyFloat_AsDouble(bottom_value) : -1;
        Py_XDECREF(top_value);
        Py_XDECREF(bottom_value);
        if (PyErr_Occurred())
            goto failed;
        if (current != NULL) {
            double overlap = (word_bottom < bottom ? word_bottom : bottom) - (word_top > top ? word_top : top);
            double word_height = word_bottom - word_top, line_height = bottom - top;
            double shorter = line_height < word_height ? line_height : word_height;
            if (overlap >= 0.5 * (shorter == 0.0 ? 1.0 : shorter)) { /* Python's ``shorter or 1.0`` */
                if (PyList_Append(current, word) < 0)
                    goto failed;
                top = word_top < top ? word_top : top;
                bottom = word_bottom > bottom ? word_bottom : bottom;
                continue;
            }
        }
        current = PyList_New(1);
        if (current == NULL)
            goto failed;
        PyList_SET_ITEM(current, 0, Py_NewRef(word));
        int failed = PyList_Append(groups, current) < 0;
        Py_DECREF(current); /* the groups hold it */
        if (failed)
            goto failed;
        top = word_top;
        bottom = word_bottom;
    }
    Py_DECREF(words);
    return groups;
failed:
    Py_DECREF(words);
    Py_XDECREF(groups);
    return NULL;
}

/* A sequence of floats as a C array (PyMem_Free it); NULL with an error set. */
static double *doubles(PyObject *given, Py_ssize_t *count) {
    PyObject *seq = PySequence_Fast(given, "a sequence of numbers expected");
    if (seq == NULL)
        return NULL;
    *count = PySequence_Fast_GET_SIZE(seq);
    double *values = PyMem_Malloc(sizeof(double) * (size_t)(*count ? *count : 1));
    if (values == NULL) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < *count; i++)
        values[i] = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(seq, i));
    Py_DECREF(seq);
    if (PyErr_Occurred()) {
        PyMem_Free(values);
        return NULL;
    }
    return values;
}

/* A word's (x0 + x1) / 2 and (top + bottom) / 2; -1 with an error set. */
static int middle(PyObject *word, double *x, double *y) {
    PyObject *names[] = {X0, X1, TOP, BOTTOM};
    double values[4];
    for (int i = 0; i < 4; i++) {
        PyObject *value = PyObject_GetAttr(word, names[i]);
        values[i] = value ? PyFloat_AsDouble(value) : -1;
        Py_XDECREF(value);
        if (PyErr_Occurred())
            return -1;
    }
    *x = (values[0] + values[1]) / 2;
    *y = (values[2] + values[3]) / 2;
    return 0;
}

PyDoc_STRVAR(place_words_doc,
"place_words(words, rows, tops, reach, ordered, cells) -> list\n\n"
"Put each word in ``cells[row][column]`` of the first row (in the grid's\n"
"order) with a box (x0, top, x1, bottom) holding its middle, and return the\n"
"words no cell holds. ``rows``: each row's boxes; ``tops`` and ``reach``: each\n"
"row's top and the lowest bottom of the rows up to it, searched by bisection\n"
"where the tops are ``ordered``, every row tried where not.");

static PyObject *place_words(PyObject *module, PyObject *args) {
    (void)module;
    PyObject *given_words, *given_rows, *given_tops, *given_reach, *cells;
    int ordered;
    if (!PyArg_ParseTuple(args, "OOOOpO", &given_words, &given_rows, &given_tops, &given_reach, &ordered, &cells))
        return NULL;
    PyObject *words = PySequence_Fast(given_words, "words must be a sequence");
    PyObject *rows = words ? PySequence_Fast(given_rows, "rows must be a sequence") : NULL;
    Py_ssize_t row_count = rows ? PySequence_Fast_GET_SIZE(rows) : 0, count = 0;
    double **boxes = rows ? PyMem_Calloc((size_t)(row_count ? row_count : 1), sizeof(double *)) : NULL;
    Py_ssize_t *widths = rows ? PyMem_Calloc((size_t)(row_count ? row_count : 1), sizeof(Py_ssize_t)) : NULL;
    double *tops = NULL, *reach = NULL;
    PyObject *outside = NULL;
    if (boxes == NULL || widths == NULL) {
        if (rows != NULL)
            PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t r = 0; r < row_count; r++) {
        PyObject *row = PySequence_Fast(PySequence_Fast_GET_ITEM(rows, r), "a row must be a sequence of boxes");
        if (row == NULL)
            goto done;
        widths[r] = PySequence_Fast_GET_SIZE(row);
        boxes[r] = PyMem_Malloc(sizeof(double) * 4 * (size_t)(widths[r] ? widths[r] : 1));
        for (Py_ssize_t c = 0; boxes[r] != NULL && c < widths[r]; c++) {
            Py_ssize_t four = 0;
            double *box = doubles(PySequence_Fast_GET_ITEM(row, c), &four);
            if (box != NULL && four != 4)
                PyErr_SetString(PyExc_ValueError, "a box has four coordinates");
            if (box != NULL && four == 4)
                memcpy(boxes[r] + 4 * c, box, sizeof(double) * 4);
            PyMem_Free(box);
            if (PyErr_Occurred())
                break;
        }
        Py_DECREF(row);
        if (boxes[r] == NULL && !PyErr_Occurred())
            PyErr_NoMemory();
        if (PyErr_Occurred())
            goto done;
    }
    tops = doubles(given_tops, &count);
    if (tops == NULL || count != row_count)
        goto mismatched;
    reach = doubles(given_reach, &count);
    if (reach == NULL || count != row_count)
        goto mismatched;
    outside = PyList_New(0);
    if (outside == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(words); i++) {
        PyObject *word = PySequence_Fast_GET_ITEM(words, i);
        double x, y;
        if (middle(word, &x, &y) < 0)
            goto failed;
        Py_ssize_t low = 0, high = row_count - 1;
        if (ordered) { /* bisect_right(tops, y) - 1, then up while the rows reach down to y */
            Py_ssize_t lo = 0, hi = row_count;
            while (lo < hi) {
                Py_ssize_t mid = (lo + hi) / 2;
                if (y < tops[mid])
                    hi = mid;
                else
                    lo = mid + 1;
            }
            high = lo - 1;
            low = high;
            while (low >= 0 && reach[low] >= y)
                low--;
            low++;
        }
        int placed = 0;
        for (Py_ssize_t r = low; r <= high && !placed; r++) {
            for (Py_ssize_t c = 0; c < widths[r]; c++) {
                double *box = boxes[r] + 4 * c;
                if (box[0] <= x && x <= box[2] && box[1] <= y && y <= box[3]) {
                    PyObject *row_cells = PySequence_GetItem(cells, r);
                    PyObject *cell = row_cells ? PySequence_GetItem(row_cells, c) : NULL;
                    int failed = cell == NULL || PyList_Append(cell, word) < 0;
                    Py_XDECREF(cell);
                    Py_XDECREF(row_cells);
                    if (failed)
                        goto failed;
                    placed = 1;
                    break;
                }
            }
        }
        if (!placed && PyList_Append(outside, word) < 0)
            goto failed;
    }
    goto done;
mismatched:
    if (!PyErr_Occurred())
        PyErr_SetString(PyExc_ValueError, "tops and reach must have one value per row");
failed:
    Py_CLEAR(outside);
done:
    for (Py_ssize_t r = 0; boxes != NULL && r < row_count; r++)
        PyMem_Free(boxes[r]);
    PyMem_Free(boxes);
    PyMem_Free(widths);
    PyMem_Free(tops);
    PyMem_Free(reach);
    Py_XDECREF(rows);
    Py_XDECREF(words);
    return outside;
}

static PyMethodDef methods[] = {
    {"place_words", place_words, METH_VARARGS, place_words_doc},
    {"line_groups", line_groups, METH_O, line_groups_doc},
    {"line_measures", line_measures, METH_O, line_measures_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_layout",
    "The layout's loops over a page's words, compiled (see extractors.pdf_lines and extractors.pdf_tables).", -1,
    methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__layout(void) {
    const char *names[] = {"x0", "top", "x1", "bottom", "size", "element", "artifact", "text"};
    PyObject **slots[] = {&X0, &TOP, &X1, &BOTTOM, &SIZE, &ELEMENT, &ARTIFACT, &TEXT};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        *slots[i] = PyUnicode_InternFromString(names[i]);
        if (*slots[i] == NULL)
            return NULL;
    }
    SPACE = PyUnicode_InternFromString(" ");
    EMPTY = PyUnicode_InternFromString("");
    if (SPACE == NULL || EMPTY == NULL)
        return NULL;
    return PyModule_Create(&module);
}

/* The layout's loops over a page's words, compiled: words grouped into lines,
 * a line's measures in one pass over its words, words placed in the cells of a
 * ruled table, and a page's words counted.
 *
 * The twins of ``extractors.pdf_lines.python_line_groups``,
 * ``python_line_measures``, ``extractors.pdf_tables.python_place_words`` and
 * ``extractors.pdf_layout.python_tally_words``: the same comparisons, in the
 * same order, on the same word fields (read by position: a Word is a tuple),
 * and the same objects returned (the extreme coordinates are the words' own
 * float objects). tests/test_pdf_layout_compiled.py holds the twins to the
 * same results on hand-made cases and on every page of the sample and corpus
 * PDFs.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* A Word's fields, in the order of ``extractors.pdf_words.Word`` (a tuple). */
enum { TEXT, X0, TOP, X1, BOTTOM, FONT, SIZE, ELEMENT, ARTIFACT, WORD_FIELDS };

static PyObject *SPACE, *EMPTY;

/* Field ``index`` of ``word``, borrowed; NULL with an error set where it is not a Word. */
static PyObject *field(PyObject *word, Py_ssize_t index) {
    if (!PyTuple_Check(word) || PyTuple_GET_SIZE(word) != WORD_FIELDS) {
        PyErr_SetString(PyExc_TypeError, "a word must be a Word");
        return NULL;
    }
    return PyTuple_GET_ITEM(word, index);
}

/* Field ``index`` of ``word`` as a C double; -1 with an error set. */
static double number(PyObject *word, Py_ssize_t index) {
    PyObject *value = field(word, index);
    return value ? PyFloat_AsDouble(value) : -1;
}

/* One word's fields that the line measures read, borrowed. */
typedef struct {
    PyObject *x0, *top, *x1, *bottom, *size, *text;
} Attributes;

/* 0, or -1 with an error set. */
static int read_attributes(PyObject *word, Attributes *a) {
    if (field(word, TEXT) == NULL)
        return -1;
    *a = (Attributes){PyTuple_GET_ITEM(word, X0), PyTuple_GET_ITEM(word, TOP), PyTuple_GET_ITEM(word, X1),
                      PyTuple_GET_ITEM(word, BOTTOM), PyTuple_GET_ITEM(word, SIZE), PyTuple_GET_ITEM(word, TEXT)};
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

/* Keep ``*best`` (borrowed) the winner of it and ``candidate``; -1 on error. */
static int keep_extreme(PyObject **best, PyObject *candidate, int greater) {
    int wins = beats(candidate, *best, greater);
    if (wins < 0)
        return -1;
    if (wins)
        *best = candidate;
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
    Attributes previous, current;
    PyObject *pieces = NULL, *result = NULL, *longest = first; /* borrowed but the pieces and the result */
    Py_ssize_t longest_length = -1;
    int one_size = 1, one_element = 1, artifact = 1;
    if (read_attributes(first, &previous) < 0)
        goto done;
    PyObject *x0 = previous.x0, *top = previous.top, *x1 = previous.x1, *bottom = previous.bottom;
    PyObject *size = previous.size, *element = PyTuple_GET_ITEM(first, ELEMENT);
    pieces = PyList_New(0);
    if (pieces == NULL)
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
        if (one_size && (one_size = PyObject_RichCompareBool(a->size, size, Py_EQ)) < 0)
            goto done;
        if (one_element && (one_element = PyObject_RichCompareBool(PyTuple_GET_ITEM(word, ELEMENT), element, Py_EQ)) < 0)
            goto done;
        if (artifact && (artifact = PyObject_IsTrue(PyTuple_GET_ITEM(word, ARTIFACT))) < 0)
            goto done;
        Py_ssize_t length = PyUnicode_GET_LENGTH(a->text);
        if (length > longest_length) {
            longest = word;
            longest_length = length;
        }
        if (PyList_Append(pieces, a->text) < 0)
            goto done;
        if (i > 0)
            previous = current;
    }
    PyObject *text = PyUnicode_Join(EMPTY, pieces);
    if (text == NULL)
        goto done;
    result = Py_BuildValue("(OOOOOOOON)", x0, top, x1, bottom, one_size ? Py_True : Py_False,
                           one_element ? Py_True : Py_False, artifact ? Py_True : Py_False, longest, text);
done:
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
        double word_top = number(word, TOP);
        double word_bottom = PyErr_Occurred() ? -1 : number(word, BOTTOM);
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
    Py_ssize_t fields[] = {X0, X1, TOP, BOTTOM};
    double values[4];
    for (int i = 0; i < 4; i++) {
        values[i] = number(word, fields[i]);
        if (values[i] == -1 && PyErr_Occurred())
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

PyDoc_STRVAR(tally_words_doc,
"tally_words(words, sizes) -> (characters, undecodable)\n\n"
"Count a page's words: the characters of each font size added to ``sizes``\n"
"(a dict, sizes in the order first met), and the characters in all and those\n"
"read as U+FFFD returned.");

static PyObject *tally_words(PyObject *module, PyObject *args) {
    (void)module;
    PyObject *given, *sizes;
    if (!PyArg_ParseTuple(args, "OO!", &given, &PyDict_Type, &sizes))
        return NULL;
    PyObject *words = PySequence_Fast(given, "words must be a sequence");
    if (words == NULL)
        return NULL;
    Py_ssize_t characters = 0, undecodable = 0;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(words); i++) {
        PyObject *word = PySequence_Fast_GET_ITEM(words, i), *text = field(word, TEXT);
        if (text == NULL || !PyUnicode_Check(text)) {
            if (text != NULL)
                PyErr_SetString(PyExc_TypeError, "a word's text must be a str");
            goto failed;
        }
        Py_ssize_t length = PyUnicode_GET_LENGTH(text);
        characters += length;
        for (Py_ssize_t at = 0; (at = PyUnicode_FindChar(text, 0xfffd, at, length, 1)) >= 0; at++)
            undecodable++;
        PyObject *size = PyTuple_GET_ITEM(word, SIZE), *known = PyDict_GetItemWithError(sizes, size);
        if (known == NULL && PyErr_Occurred())
            goto failed;
        Py_ssize_t before = known ? PyLong_AsSsize_t(known) : 0;
        PyObject *total = before == -1 && PyErr_Occurred() ? NULL : PyLong_FromSsize_t(before + length);
        if (total == NULL || PyDict_SetItem(sizes, size, total) < 0) {
            Py_XDECREF(total);
            goto failed;
        }
        Py_DECREF(total);
    }
    Py_DECREF(words);
    return Py_BuildValue("(nn)", characters, undecodable);
failed:
    Py_DECREF(words);
    return NULL;
}

static PyMethodDef methods[] = {
    {"tally_words", tally_words, METH_VARARGS, tally_words_doc},
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
    SPACE = PyUnicode_InternFromString(" ");
    EMPTY = PyUnicode_InternFromString("");
    if (SPACE == NULL || EMPTY == NULL)
        return NULL;
    return PyModule_Create(&module);
}

/* The words of a PDFium text page, measured run by run in one call.
 *
 * The compiled twin of ``extractors.pdf_pdfium._Measure.python_words``: the same
 * questions asked of the same characters in the same order, the same caches
 * (the dicts passed in), the same words; only the Python-level call per PDFium
 * function is gone. PDFium is not linked: the caller passes the addresses of
 * the functions pypdfium2 has already loaded, so this works with whatever
 * PDFium build pypdfium2 ships. tests/test_pdf_pdfium_reader.py holds the two
 * loops to the same words on every sample and corpus PDF.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "_pdfium_addresses.h"
#include <math.h>
#include <string.h>

typedef struct { float left, top, right, bottom; } Rect; /* PDFium's FS_RECTF */

typedef struct {
    void *(*text_object)(void *textpage, int index);
    int (*loose_box)(void *textpage, int index, Rect *box);
    double (*font_size)(void *textpage, int index);
    int (*char_origin)(void *textpage, int index, double *x, double *y);
    void *(*object_font)(void *text_object);
    size_t (*font_name)(void *font, char *buffer, size_t length);
    int (*font_descent)(void *font, float size, float *descent);
    unsigned int (*char_code)(void *textpage, int index);
    int (*is_generated)(void *textpage, int index);
} Functions;

typedef struct {
    void *textpage;
    double height;
    Functions call;
    PyObject *objects; /* text object → (baseline top, top, bottom, font name, size) */
    PyObject *fonts;   /* (font, size to 0.01) → (font name, descent) */
} Page;

static const double TOLERANCE = 3.0; /* points, as pdfplumber's word splitting */
static const double SAME_BASELINE = 0.01;

/* (font name, descent at ``size``) of ``font``, from the cache or asked once; borrowed. */
static PyObject *font_of(Page *page, void *font, double size) {
    PyObject *exact = PyFloat_FromDouble(size);
    PyObject *rounded = exact ? PyObject_CallMethod(exact, "__round__", "i", 2) : NULL;
    Py_XDECREF(exact);
    PyObject *key = rounded ? Py_BuildValue("(NN)", PyLong_FromVoidPtr(font), rounded) : NULL;
    if (key == NULL)
        return NULL;
    PyObject *known = PyDict_GetItemWithError(page->fonts, key);
    if (known != NULL || PyErr_Occurred()) {
        Py_DECREF(key);
        return known;
    }
    char name[256];
    memset(name, 0, sizeof name);
    float descent = 0;
    if (font != NULL) {
        page->call.font_name(font, name, sizeof name);
        page->call.font_descent(font, (float)size, &descent);
    }
    PyObject *value = Py_BuildValue("(Nd)", PyUnicode_DecodeLatin1(name, strlen(name), NULL), (double)descent);
    int failed = value == NULL || PyDict_SetItem(page->fonts, key, value) < 0;
    Py_DECREF(key);
    Py_XDECREF(value); /* the dict holds it */
    return failed ? NULL : value;
}

/* What the run's text object shares (see ``objects``), kept per object and
 * baseline; borrowed. */
static PyObject *line_of(Page *page, void *object, double top, int first) {
    PyObject *key = PyLong_FromVoidPtr(object);
    if (key == NULL)
        return NULL;
    PyObject *shared = PyDict_GetItemWithError(page->objects, key);
    if (shared == NULL && PyErr_Occurred()) {
        Py_DECREF(key);
        return NULL;
    }
    if (shared != NULL && !(fabs(PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(shared, 0)) - top) > SAME_BASELINE)) {
        Py_DECREF(key);
        return shared;
    }
    double size = page->call.font_size(page->textpage, first);
    double x = 0, y = 0;
    page->call.char_origin(page->textpage, first, &x, &y);
    PyObject *font = font_of(page, object ? page->call.object_font(object) : NULL, size);
    if (font == NULL) {
        Py_DECREF(key);
        return NULL;
    }
    double bottom = page->height - (y + PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(font, 1)));
    PyObject *value = Py_BuildValue("(dddOd)", top, bottom - size, bottom, PyTuple_GET_ITEM(font, 0), size);
    int failed = value == NULL || PyDict_SetItem(page->objects, key, value) < 0;
    Py_DECREF(key);
    Py_XDECREF(value);
    return failed ? NULL : value;
}

/* Control characters and non-characters (``pdf_pdfium._ODD``). */
static int is_odd(Py_UCS4 c) {
    return c <= 0x08 || c == 0x0b || c == 0x0c || (c >= 0x0e && c <= 0x1f) || c == 0x7f
        || (c >= 0xd800 && c <= 0xdfff) || c == 0xfffe || c == 0xffff;
}

/* ``pdf_pdfium._clean``: NULs dropped, PDFium's line-end hyphen as "-", other odd characters as U+FFFD. */
static PyObject *cleaned(PyObject *text, Py_ssize_t start, Py_ssize_t end) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_UCS4 *out = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(end - start));
    if (out == NULL)
        return PyErr_NoMemory();
    Py_ssize_t length = 0;
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == 0)
            continue;
        out[length++] = c == 0x02 ? '-' : is_odd(c) ? 0xfffd : c;
    }
    PyObject *word = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, length);
    PyMem_Free(out);
    return word;
}

/* A Word (a tuple: text, x0, top, x1, bottom, font, size, element, artifact)
 * of the seven given fields, element and artifact at Word's defaults (None,
 * False), made without a call of its Python constructor; the fields borrowed. */
static PyObject *new_word(PyTypeObject *type, PyObject *const *fields) {
    PyObject *word = type->tp_alloc(type, 9);
    if (word == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < 7; i++)
        PyTuple_SET_ITEM(word, i, Py_NewRef(fields[i]));
    PyTuple_SET_ITEM(word, 7, Py_NewRef(Py_None));
    PyTuple_SET_ITEM(word, 8, Py_NewRef(Py_False));
    return word;
}

/* The word of one run measured at its two ends, appended to ``words``; 1 where
 * the run must be read character by character instead, -1 on error. */
static int measure_run(Page *page, PyObject *text, Py_ssize_t start, Py_ssize_t end, int odd, Rect *box,
                       PyTypeObject *word_type, PyObject *words) {
    int first = (int)start, last = (int)end - 1;
    void *object = page->call.text_object(page->textpage, first);
    if (last > first && page->call.text_object(page->textpage, last) != object)
        return 1;
    page->call.loose_box(page->textpage, last, box);
    double right = box->right, last_top = box->top;
    if (last > first)
        page->call.loose_box(page->textpage, first, box);
    double left = box->left, top = box->top;
    if (right < left || fabs(last_top - top) > TOLERANCE)
        return 1;
    PyObject *shared = line_of(page, object, top, first);
    if (shared == NULL)
        return -1;
    PyObject *word = odd ? cleaned(text, start, end) : PyUnicode_Substring(text, start, end);
    if (word == NULL)
        return -1;
    if (PyUnicode_GET_LENGTH(word) == 0) {
        Py_DECREF(word);
        return 0;
    }
    PyObject *x0 = PyFloat_FromDouble(left), *x1 = PyFloat_FromDouble(right);
    PyObject *made = NULL;
    if (x0 != NULL && x1 != NULL) {
        PyObject *fields[] = {word, x0, PyTuple_GET_ITEM(shared, 1), x1, PyTuple_GET_ITEM(shared, 2),
                              PyTuple_GET_ITEM(shared, 3), PyTuple_GET_ITEM(shared, 4)};
        made = new_word(word_type, fields);
    }
    Py_DECREF(word);
    Py_XDECREF(x0);
    Py_XDECREF(x1);
    int failed = made == NULL || PyList_Append(words, made) < 0;
    Py_XDECREF(made);
    return failed ? -1 : 0;
}

/* ``pdf_pdfium._clean`` of one character: its line-end hyphen as "-", other odd characters as U+FFFD. */
static PyObject *cleaned_char(unsigned int code) {
    if (code > 0x10ffff) /* as chr() refuses it */
        return PyErr_Format(PyExc_ValueError, "chr() arg not in range(0x110000)");
    return PyUnicode_FromOrdinal(code == 0x02 ? '-' : is_odd((Py_UCS4)code) ? 0xfffd : (int)code);
}

/* ``pdf_pdfium._chars``: the characters ``start`` … ``end`` one by one, each
 * ``char(text, x0, x1, top, bottom, font, size)``, PDFium's generated ones and
 * NULs left out. */
static PyObject *chars_of_run(Page *page, Py_ssize_t start, Py_ssize_t end, PyObject *char_type) {
    PyObject *found = PyList_New(0);
    if (found == NULL)
        return NULL;
    for (int index = (int)start; index < (int)end; index++) {
        unsigned int code = page->call.char_code(page->textpage, index);
        if (page->call.is_generated(page->textpage, index) || code == 0)
            continue;
        double size = page->call.font_size(page->textpage, index);
        double x = 0, y = 0;
        page->call.char_origin(page->textpage, index, &x, &y);
        Rect box = {0, 0, 0, 0};
        page->call.loose_box(page->textpage, index, &box);
        void *object = page->call.text_object(page->textpage, index);
        PyObject *font = font_of(page, object ? page->call.object_font(object) : NULL, size);
        PyObject *text = font ? cleaned_char(code) : NULL;
        if (text == NULL) {
            Py_DECREF(found);
            return NULL;
        }
        double bottom = page->height - (y + PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(font, 1)));
        PyObject *made = PyObject_CallFunction(char_type, "NddddOd", text, (double)box.left, (double)box.right,
                                               bottom - size, bottom, PyTuple_GET_ITEM(font, 0), size);
        int failed = made == NULL || PyList_Append(found, made) < 0;
        Py_XDECREF(made);
        if (failed) {
            Py_DECREF(found);
            return NULL;
        }
    }
    return found;
}

/* The words ``split`` makes of the run's characters, appended to ``words``. */
static int split_run(Page *page, PyObject *split, PyObject *char_type, Py_ssize_t start, Py_ssize_t end,
                     PyObject *words) {
    PyObject *chars = chars_of_run(page, start, end, char_type);
    if (chars == NULL)
        return -1;
    PyObject *parts = PyObject_CallOneArg(split, chars);
    Py_DECREF(chars);
    if (parts == NULL)
        return -1;
    Py_ssize_t size = PyList_GET_SIZE(words);
    int failed = !PyList_Check(parts) || PyList_SetSlice(words, size, size, parts) < 0;
    if (failed && !PyErr_Occurred())
        PyErr_SetString(PyExc_TypeError, "split must return a list");
    Py_DECREF(parts);
    return failed ? -1 : 0;
}

PyDoc_STRVAR(words_doc,
"words(text, textpage, height, functions, objects, fonts, word, char, split) -> list\n\n"
"The words of ``text``, the text page's text (one str index per PDFium\n"
"character), one run of non-space characters at a time: each a ``word``\n"
"(a tuple type of Word's nine fields) as ``word(text, x0, top, x1, bottom,\n"
"font, size)`` makes it; where a run must be read character by character,\n"
"``split``'s list of words from its characters, each\n"
"``char(text, x0, x1, top, bottom, font, size)``. ``functions`` are the\n"
"addresses of FPDFText_GetTextObject, FPDFText_GetLooseCharBox,\n"
"FPDFText_GetFontSize, FPDFText_GetCharOrigin, FPDFTextObj_GetFont,\n"
"FPDFFont_GetBaseFontName, FPDFFont_GetDescent, FPDFText_GetUnicode and\n"
"FPDFText_IsGenerated; ``objects`` and ``fonts`` are the page's caches.");

static PyObject *words(PyObject *module, PyObject *args) {
    PyObject *text, *textpage, *addresses, *char_type, *split;
    PyTypeObject *word_type;
    Page page;
    if (!PyArg_ParseTuple(args, "UO!dOO!O!O!OO", &text, &PyLong_Type, &textpage, &page.height, &addresses,
                          &PyDict_Type, &page.objects, &PyDict_Type, &page.fonts, &PyType_Type, &word_type,
                          &char_type, &split))
        return NULL;
    if (!PyType_IsSubtype(word_type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "word must be a tuple type (Word)");
        return NULL;
    }
    page.textpage = PyLong_AsVoidPtr(textpage);
    if (READ_FUNCTIONS(addresses, &page.call) < 0 || PyErr_Occurred())
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    PyObject *found = PyList_New(0);
    if (found == NULL)
        return NULL;
    Rect box = {0, 0, 0, 0}; /* kept from run to run, as a failed call leaves it */
    Py_ssize_t start = 0;
    while (start < length) {
        if (Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, start))) {
            start++;
            continue;
        }
        Py_ssize_t end = start;
        int odd = 0;
        for (; end < length; end++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, end);
            if (Py_UNICODE_ISSPACE(c))
                break;
            odd |= is_odd(c);
        }
        int done = measure_run(&page, text, start, end, odd, &box, word_type, found);
        if (done == 1)
            done = split_run(&page, split, char_type, start, end, found);
        if (done < 0) {
            Py_DECREF(found);
            return NULL;
        }
        start = end;
    }
    return found;
}

static PyMethodDef methods[] = {
    {"words", words, METH_VARARGS, words_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_pdfium_runs",
    "The PDFium page reader's per-run loop, compiled (see extractors.pdf_pdfium).", -1, methods,
};

PyMODINIT_FUNC PyInit__pdfium_runs(void) { return PyModule_Create(&module); }

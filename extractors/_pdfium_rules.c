/* A PDFium page's graphics walked and its rules measured, each in one call.
 *
 * The compiled twin of ``extractors.pdf_pdfium_rules.graphics`` and ``_edges``:
 * the same objects visited in the same order, the same edges made. PDFium is
 * not linked: the caller passes the addresses of the functions pypdfium2 has
 * already loaded. tests/test_pdf_pdfium_rules.py holds the twins to the same
 * paths and edges on every sample and corpus PDF.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "_pdfium_addresses.h"

typedef struct {
    int (*page_objects)(void *page);
    void *(*page_object)(void *page, int index);
    int (*form_objects)(void *form);
    void *(*form_object)(void *form, unsigned long index);
    int (*object_type)(void *object);
    int (*object_bounds)(void *object, float *left, float *bottom, float *right, float *top);
    int (*path_segments)(void *path);
    void *(*path_segment)(void *path, int index);
    int (*segment_point)(void *segment, float *x, float *y);
} Functions;

static const double RULE = 2.0; /* a path thinner than this is a rule (pdf_pdfium_rules._RULE) */
enum { FORM_DEPTH = 4 };        /* pdf_pdfium_rules._FORM_DEPTH */

typedef struct {
    void *holder;
    int depth;
    int is_page;
} Pending;

PyDoc_STRVAR(graphics_doc,
"graphics(page, functions, kinds) -> (paths, images)\n\n"
"The page's path objects (addresses, inside form objects too, 4 levels deep)\n"
"and whether it draws any image, as ``pdf_pdfium_rules.graphics``.\n"
"``functions``: the addresses of FPDFPage_CountObjects, FPDFPage_GetObject,\n"
"FPDFFormObj_CountObjects, FPDFFormObj_GetObject, FPDFPageObj_GetType,\n"
"FPDFPageObj_GetBounds, FPDFPath_CountSegments, FPDFPath_GetPathSegment and\n"
"FPDFPathSegment_GetPoint; ``kinds``: the object types of a path, an image\n"
"and a form.");

static PyObject *graphics(PyObject *module, PyObject *args) {
    (void)module;
    PyObject *page_address, *addresses;
    int path_kind, image_kind, form_kind;
    Functions call;
    if (!PyArg_ParseTuple(args, "O!O(iii)", &PyLong_Type, &page_address, &addresses, &path_kind, &image_kind,
                          &form_kind))
        return NULL;
    void *page = PyLong_AsVoidPtr(page_address);
    if (READ_FUNCTIONS(addresses, &call) < 0 || PyErr_Occurred())
        return NULL;
    PyObject *paths = PyList_New(0);
    if (paths == NULL)
        return NULL;
    int images = 0;
    /* A stack as the Python twin's ``pending``: forms are read last in, first out. */
    Py_ssize_t capacity = 16, size = 0;
    Pending *pending = PyMem_Malloc(sizeof(Pending) * (size_t)capacity);
    if (pending == NULL) {
        Py_DECREF(paths);
        return PyErr_NoMemory();
    }
    pending[size++] = (Pending){page, 0, 1};
    while (size > 0) {
        Pending item = pending[--size];
        int count = item.is_page ? call.page_objects(item.holder) : call.form_objects(item.holder);
        for (int index = 0; index < count; index++) {
            void *object = item.is_page ? call.page_object(item.holder, index)
                                        : call.form_object(item.holder, (unsigned long)index);
            int kind = call.object_type(object);
            if (kind == path_kind) {
                PyObject *address = PyLong_FromVoidPtr(object);
                if (address == NULL || PyList_Append(paths, address) < 0) {
                    Py_XDECREF(address);
                    goto failed;
                }
                Py_DECREF(address);
            } else if (kind == image_kind) {
                images = 1;
            } else if (kind == form_kind && item.depth < FORM_DEPTH) {
                if (size == capacity) {
                    capacity *= 2;
                    Pending *grown = PyMem_Realloc(pending, sizeof(Pending) * (size_t)capacity);
                    if (grown == NULL) {
                        PyErr_NoMemory();
                        goto failed;
                    }
                    pending = grown;
                }
                pending[size++] = (Pending){object, item.depth + 1, 0};
            }
        }
    }
    PyMem_Free(pending);
    return Py_BuildValue("(NO)", paths, images ? Py_True : Py_False);
failed:
    PyMem_Free(pending);
    Py_DECREF(paths);
    return NULL;
}

/* Python's round(value, 1), for the rectangle test's corner positions. */
static PyObject *rounded(double value) {
    PyObject *exact = PyFloat_FromDouble(value);
    PyObject *result = exact ? PyObject_CallMethod(exact, "__round__", "i", 1) : NULL;
    Py_XDECREF(exact);
    return result;
}

/* ``pdf_pdfium_rules._is_rectangle``: four to six points on two x and two y
 * positions (to 0.1 point); -1 on error. */
static int is_rectangle(Functions *call, void *path) {
    int count = call->path_segments(path);
    if (count < 4 || count > 6)
        return 0;
    PyObject *xs = PySet_New(NULL), *ys = PySet_New(NULL);
    int answer = -1;
    if (xs == NULL || ys == NULL)
        goto done;
    float x = 0, y = 0; /* kept from point to point, as a failed call leaves them */
    for (int index = 0; index < count; index++) {
        call->segment_point(call->path_segment(path, index), &x, &y);
        PyObject *rx = rounded((double)x), *ry = rounded((double)y);
        int failed = rx == NULL || ry == NULL || PySet_Add(xs, rx) < 0 || PySet_Add(ys, ry) < 0;
        Py_XDECREF(rx);
        Py_XDECREF(ry);
        if (failed)
            goto done;
    }
    answer = PySet_GET_SIZE(xs) == 2 && PySet_GET_SIZE(ys) == 2;
done:
    Py_XDECREF(xs);
    Py_XDECREF(ys);
    return answer;
}

static int add_edge(PyObject *edges, const char *orientation, double x0, double top, double x1, double bottom) {
    PyObject *edge = Py_BuildValue("(sdddd)", orientation, x0, top, x1, bottom);
    int failed = edge == NULL || PyList_Append(edges, edge) < 0;
    Py_XDECREF(edge);
    return failed ? -1 : 0;
}

PyDoc_STRVAR(edges_doc,
"edges(paths, height, functions) -> list\n\n"
"The edges (orientation, x0, top, x1, bottom) of the rules and boxes among\n"
"``paths`` (addresses, as ``graphics`` gives them), as\n"
"``pdf_pdfium_rules._edges``; ``functions`` as for ``graphics``.");

static PyObject *edges(PyObject *module, PyObject *args) {
    (void)module;
    PyObject *paths, *addresses;
    double height;
    Functions call;
    if (!PyArg_ParseTuple(args, "O!dO", &PyList_Type, &paths, &height, &addresses))
        return NULL;
    if (READ_FUNCTIONS(addresses, &call) < 0)
        return NULL;
    PyObject *found = PyList_New(0);
    if (found == NULL)
        return NULL;
    float left = 0, bottom_up = 0, right = 0, top_up = 0; /* kept from path to path, as the twin's buffer */
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(paths); i++) {
        void *path = PyLong_AsVoidPtr(PyList_GET_ITEM(paths, i));
        if (path == NULL && PyErr_Occurred())
            goto failed;
        call.object_bounds(path, &left, &bottom_up, &right, &top_up);
        double top = height - (double)top_up, bottom = height - (double)bottom_up;
        double x0 = (double)left, x1 = (double)right;
        int done = 0;
        if (bottom - top <= RULE && RULE < x1 - x0) {
            double middle = (top + bottom) / 2;
            done = add_edge(found, "h", x0, middle, x1, middle);
        } else if (x1 - x0 <= RULE && RULE < bottom - top) {
            double middle = (x0 + x1) / 2;
            done = add_edge(found, "v", middle, top, middle, bottom);
        } else {
            int box = is_rectangle(&call, path);
            if (box < 0)
                goto failed;
            if (box)
                done = add_edge(found, "h", x0, top, x1, top) < 0 || add_edge(found, "h", x0, bottom, x1, bottom) < 0
                       || add_edge(found, "v", x0, top, x0, bottom) < 0 || add_edge(found, "v", x1, top, x1, bottom) < 0
                           ? -1 : 0;
        }
        if (done < 0)
            goto failed;
    }
    return found;
failed:
    Py_DECREF(found);
    return NULL;
}

static PyMethodDef methods[] = {
    {"graphics", graphics, METH_VARARGS, graphics_doc},
    {"edges", edges, METH_VARARGS, edges_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_pdfium_rules",
    "The PDFium page reader's walk over a page's graphics, compiled (see extractors.pdf_pdfium_rules).", -1,
    methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__pdfium_rules(void) { return PyModule_Create(&module); }

/* The PDFium function addresses a compiled loop is given (a tuple of ints),
 * read into its table of function pointers: shared by _pdfium_runs.c and
 * _pdfium_rules.c. */
#ifndef PDFIUM_ADDRESSES_H
#define PDFIUM_ADDRESSES_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* The ``count`` addresses of ``addresses`` into ``slots``; -1 with an error set
 * where the tuple is of another length or holds a null address. */
static int read_addresses(PyObject *addresses, void **slots, Py_ssize_t count) {
    if (!PyTuple_Check(addresses) || PyTuple_GET_SIZE(addresses) != count) {
        PyErr_Format(PyExc_ValueError, "%zd PDFium function addresses expected", count);
        return -1;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        slots[i] = PyLong_AsVoidPtr(PyTuple_GET_ITEM(addresses, i));
        if (slots[i] == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "a PDFium function address is null");
            return -1;
        }
    }
    return 0;
}

#define READ_FUNCTIONS(addresses, table) read_addresses((addresses), (void **)(table), sizeof *(table) / sizeof(void *))

#endif

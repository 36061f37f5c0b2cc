/*
 * Stand-in for PE Micro's "UNITACMP" interface library (unitacmp-64.so), written for the Probehost lab
 * from the function list in the PE Micro note: the same exported C functions and signatures, cdecl,
 * single-byte booleans. It holds no probe logic: each call is sent as one text line over a loopback
 * TCP socket to the lab's PE Multilink emulator (io.probehost.sim.probe.pemicro), which answers
 * "<return> <out>[ <payload>]". The emulator's address comes from the environment variable
 * PROBEHOST_PEMICRO_LAB ("host:port") or from the file probehost-pemicro-lab.conf in the folder given
 * to special feature 0x58006000 (set application files directory).
 *
 * Like the real library it is not thread-safe and acts on one current port per process. Extra test
 * hooks: probehost_standin_control (fault injection in the emulator) and probehost_standin_open_count
 * (successful opens since load, state shared by every load of the same file).
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#define EXPORT __attribute__((visibility("default")))

#define FEATURE_READ_AP 0x44000004u
#define FEATURE_LAST_SWD_STATUS 0x44000006u
#define FEATURE_READ_DP 0x44000008u
#define FEATURE_DEVICE_LIST 0x58004000u
#define FEATURE_SELECT_DEVICE 0x58004001u
#define FEATURE_APPLICATION_FILES 0x58006000u

static const char VERSION_TEXT[] = "Interface Libraries Version 9.02.00.00 (Probehost lab stand-in)";
static char application_folder[4096];
static FILE *lab_in;
static int lab_fd = -1;
static char *answer_line;
static size_t answer_capacity;
static char text_result[4096];
static int open_count;

struct answer {
    int ok;            /* the line arrived */
    uint32_t value;    /* the function's return value */
    uint32_t out;      /* what an out-parameter receives */
    const char *payload; /* text after the two numbers, "" when none */
};

static int lab_address(char *host, size_t host_size, int *port) {
    char line[512] = "";
    const char *env = getenv("PROBEHOST_PEMICRO_LAB");
    if (env != NULL && env[0] != '\0') {
        snprintf(line, sizeof line, "%s", env);
    } else if (application_folder[0] != '\0') {
        char path[4200];
        snprintf(path, sizeof path, "%s/probehost-pemicro-lab.conf", application_folder);
        FILE *file = fopen(path, "r");
        if (file == NULL) {
            return 0;
        }
        if (fgets(line, sizeof line, file) == NULL) {
            line[0] = '\0';
        }
        fclose(file);
    }
    char *colon = strrchr(line, ':');
    if (colon == NULL) {
        return 0;
    }
    *colon = '\0';
    snprintf(host, host_size, "%s", line);
    *port = atoi(colon + 1);
    return *port > 0;
}

static void lab_disconnect(void) {
    if (lab_in != NULL) {
        fclose(lab_in);
        lab_in = NULL;
    }
    if (lab_fd >= 0) {
        close(lab_fd);
        lab_fd = -1;
    }
}

/* The request and its newline in one write; MSG_NOSIGNAL: a lab that went away gives an error, not SIGPIPE. */
static int lab_send(const char *request) {
    size_t length = strlen(request);
    char newline = '\n';
    struct iovec parts[2] = {{(void *) request, length}, {&newline, 1}};
    size_t left = length + 1;
    int index = 0;
    while (left > 0) {
        struct msghdr message = {.msg_iov = parts + index, .msg_iovlen = (size_t) (2 - index)};
        ssize_t sent = sendmsg(lab_fd, &message, MSG_NOSIGNAL);
        if (sent <= 0) {
            return 0;
        }
        left -= (size_t) sent;
        while (index < 2 && (size_t) sent >= parts[index].iov_len) {
            sent -= (ssize_t) parts[index].iov_len;
            parts[index].iov_len = 0;
            index++;
        }
        if (index < 2) {
            parts[index].iov_base = (char *) parts[index].iov_base + sent;
            parts[index].iov_len -= (size_t) sent;
        }
    }
    return 1;
}

static int lab_connect(void) {
    if (lab_in != NULL) {
        return 1;
    }
    char host[256];
    int port;
    if (!lab_address(host, sizeof host, &port)) {
        return 0;
    }
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t) port)};
    if (inet_pton(AF_INET, strcmp(host, "localhost") == 0 ? "127.0.0.1" : host, &address.sin_addr) != 1) {
        return 0;
    }
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return 0;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(fd, (struct sockaddr *) &address, sizeof address) != 0) {
        close(fd);
        return 0;
    }
    int reading = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    lab_in = reading < 0 ? NULL : fdopen(reading, "r");
    if (lab_in == NULL) {
        if (reading >= 0) {
            close(reading);
        }
        close(fd);
        return 0;
    }
    lab_fd = fd;
    return 1;
}

/* Sends the request in `request` and parses the answer; a broken connection gives ok = 0. */
static struct answer lab_call(const char *request) {
    struct answer answer = {0, 0, 0, ""};
    for (int attempt = 0; attempt < 2; attempt++) {
        if (!lab_connect()) {
            return answer;
        }
        if (lab_send(request)) {
            ssize_t length = getline(&answer_line, &answer_capacity, lab_in);
            if (length > 0) {
                if (answer_line[length - 1] == '\n') {
                    answer_line[length - 1] = '\0';
                }
                char *end;
                answer.value = (uint32_t) strtoul(answer_line, &end, 10);
                answer.out = (uint32_t) strtoul(end, &end, 10);
                answer.payload = *end == ' ' ? end + 1 : "";
                answer.ok = 1;
                return answer;
            }
        }
        lab_disconnect(); /* the lab restarted: reconnect once */
    }
    return answer;
}

static struct answer lab_callf(const char *format, ...) __attribute__((format(printf, 1, 2)));

static struct answer lab_callf(const char *format, ...) {
    char request[512];
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(request, sizeof request, format, arguments);
    va_end(arguments);
    return lab_call(request);
}

static char *text_copy(const char *payload) {
    snprintf(text_result, sizeof text_result, "%s", payload);
    return text_result;
}

static void set_out(void *pointer, uint32_t value) {
    if (pointer != NULL) {
        *(uint32_t *) pointer = value;
    }
}

__attribute__((destructor)) static void unload(void) {
    lab_disconnect();
    free(answer_line);
    answer_line = NULL;
    answer_capacity = 0;
}

/* ---- load and list ---- */

EXPORT char *version(void) {
    return (char *) VERSION_TEXT;
}

EXPORT uint16_t get_dll_version(void) {
    return 902;
}

EXPORT uint8_t reenumerate_all_port_types(void) {
    return (uint8_t) lab_call("reenumerate_all_port_types").value;
}

EXPORT uint32_t get_enumerated_number_of_ports(uint32_t port_type) {
    return lab_callf("get_enumerated_number_of_ports %u", port_type).value;
}

EXPORT char *get_port_descriptor_short(uint32_t port_type, uint32_t index) {
    return text_copy(lab_callf("get_port_descriptor_short %u %u", port_type, index).payload);
}

EXPORT char *get_port_descriptor(uint32_t port_type, uint32_t index) {
    return text_copy(lab_callf("get_port_descriptor %u %u", port_type, index).payload);
}

/* ---- open and close ---- */

static uint8_t counted_open(struct answer answer) {
    if (answer.value != 0) {
        open_count++;
    }
    return (uint8_t) (answer.value != 0);
}

EXPORT uint8_t open_port_by_identifier(const char *identifier) {
    if (identifier == NULL || strchr(identifier, '\n') != NULL) {
        return 0;
    }
    return counted_open(lab_callf("open_port_by_identifier %s", identifier));
}

EXPORT uint8_t open_port(uint32_t port_type, uint32_t index) {
    return counted_open(lab_callf("open_port %u %u", port_type, index));
}

EXPORT void close_port(void) {
    lab_call("close_port");
}

EXPORT void reset_hardware_interface(void) {
    lab_call("reset_hardware_interface");
}

EXPORT uint8_t check_critical_error(void) {
    return (uint8_t) lab_call("check_critical_error").value;
}

/* ---- connect and reset ---- */

EXPORT void set_debug_shift_frequency(int32_t hz) {
    lab_callf("set_debug_shift_frequency %d", hz);
}

EXPORT void set_reset_delay_in_ms(uint32_t milliseconds) {
    lab_callf("set_reset_delay_in_ms %u", milliseconds);
}

EXPORT void set_reset_pin_state(uint8_t state) {
    lab_callf("set_reset_pin_state %u", state);
}

EXPORT uint8_t target_reset(void) {
    return (uint8_t) lab_call("target_reset").value;
}

EXPORT uint8_t target_halt(void) {
    return (uint8_t) lab_call("target_halt").value;
}

EXPORT uint8_t target_resume(void) {
    return (uint8_t) lab_call("target_resume").value;
}

EXPORT uint8_t target_step(void) {
    return (uint8_t) lab_call("target_step").value;
}

EXPORT uint8_t target_check_if_halted(void) {
    return (uint8_t) lab_call("target_check_if_halted").value;
}

/* ---- memory ---- */

static uint32_t read_value(const char *function, uint32_t address, uint32_t *mem_result) {
    struct answer answer = lab_callf("%s %u", function, address);
    set_out(mem_result, answer.ok ? answer.out : 4);
    return answer.value;
}

static void write_value(const char *function, uint32_t address, uint32_t value, uint32_t *mem_result) {
    struct answer answer = lab_callf("%s %u %u", function, address, value);
    set_out(mem_result, answer.ok ? answer.out : 4);
}

EXPORT uint8_t read_8bit_value(uint32_t tag, uint32_t address, uint32_t *mem_result) {
    (void) tag;
    return (uint8_t) read_value("read_8bit_value", address, mem_result);
}

EXPORT uint16_t read_16bit_value(uint32_t tag, uint32_t address, uint32_t *mem_result) {
    (void) tag;
    return (uint16_t) read_value("read_16bit_value", address, mem_result);
}

EXPORT uint32_t read_32bit_value(uint32_t tag, uint32_t address, uint32_t *mem_result) {
    (void) tag;
    return read_value("read_32bit_value", address, mem_result);
}

EXPORT void write_8bit_value(uint32_t tag, uint32_t address, uint8_t value, uint32_t *mem_result) {
    (void) tag;
    write_value("write_8bit_value", address, value, mem_result);
}

EXPORT void write_16bit_value(uint32_t tag, uint32_t address, uint16_t value, uint32_t *mem_result) {
    (void) tag;
    write_value("write_16bit_value", address, value, mem_result);
}

EXPORT void write_32bit_value(uint32_t tag, uint32_t address, uint32_t value, uint32_t *mem_result) {
    (void) tag;
    write_value("write_32bit_value", address, value, mem_result);
}

static int hex_digit(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The error buffer's layout is not known for the real library: the stand-in puts mem_result in its first byte. */
EXPORT uint8_t get_block(uint32_t tag, uint32_t address, uint32_t count, uint32_t access_size, uint8_t *buffer,
        uint8_t *errors) {
    (void) tag;
    struct answer answer = lab_callf("get_block %u %u %u", address, count, access_size);
    if (errors != NULL) {
        errors[0] = (uint8_t) (answer.ok ? answer.out : 4);
    }
    if (!answer.ok || strlen(answer.payload) != 2 * (size_t) count) {
        return 0;
    }
    for (uint32_t i = 0; i < count; i++) {
        buffer[i] = (uint8_t) (hex_digit(answer.payload[2 * i]) << 4 | hex_digit(answer.payload[2 * i + 1]));
    }
    return (uint8_t) (answer.value != 0);
}

EXPORT uint8_t put_block(uint32_t tag, uint32_t address, uint32_t count, uint32_t access_size, const uint8_t *buffer,
        uint8_t *errors) {
    (void) tag;
    static const char digits[] = "0123456789abcdef";
    char *request = malloc(64 + 2 * (size_t) count);
    if (request == NULL) {
        return 0;
    }
    int length = sprintf(request, "put_block %u %u %u ", address, count, access_size);
    for (uint32_t i = 0; i < count; i++) {
        request[length++] = digits[buffer[i] >> 4];
        request[length++] = digits[buffer[i] & 0xF];
    }
    request[length] = '\0';
    struct answer answer = lab_call(request);
    free(request);
    if (errors != NULL) {
        errors[0] = (uint8_t) (answer.ok ? answer.out : 4);
    }
    return (uint8_t) (answer.value != 0);
}

/* ---- core registers ---- */

EXPORT uint8_t get_mcu_register(uint32_t tag1, uint32_t tag2, uint32_t register_number, uint32_t *value) {
    (void) tag1;
    (void) tag2;
    struct answer answer = lab_callf("get_mcu_register %u", register_number);
    set_out(value, answer.out);
    return (uint8_t) (answer.value != 0);
}

EXPORT uint8_t set_mcu_register(uint32_t tag1, uint32_t tag2, uint32_t register_number, uint32_t value) {
    (void) tag1;
    (void) tag2;
    return (uint8_t) (lab_callf("set_mcu_register %u %u", register_number, value).value != 0);
}

/* ---- files: RAM images and the support trace ---- */

EXPORT uint8_t load_bin_file(const char *file, uint32_t start_address) {
    FILE *image = fopen(file, "rb");
    if (image == NULL) {
        return 0;
    }
    uint8_t chunk[1024];
    uint8_t ok = 1;
    size_t length;
    while (ok && (length = fread(chunk, 1, sizeof chunk, image)) > 0) {
        ok = put_block(0, start_address, (uint32_t) length, 1, chunk, NULL);
        start_address += (uint32_t) length;
    }
    fclose(image);
    return ok;
}

EXPORT uint8_t load_srec_file(const char *file, uint32_t offset) {
    (void) file;
    (void) offset;
    return 0; /* not provided by the stand-in */
}

EXPORT void open_debug_file(const char *file) {
    (void) file;
}

EXPORT void close_debug_file(void) {
}

/* ---- special features ---- */

EXPORT uint8_t pe_special_features(uint32_t feature, uint8_t set, uint32_t p1, uint32_t p2, uint32_t p3, void *ref1,
        void *ref2) {
    (void) ref2;
    if (feature == FEATURE_APPLICATION_FILES) {
        snprintf(application_folder, sizeof application_folder, "%s", ref1 == NULL ? "" : (const char *) ref1);
        return 1;
    }
    struct answer answer;
    if (feature == FEATURE_SELECT_DEVICE) {
        if (ref1 == NULL || strchr((const char *) ref1, '\n') != NULL) {
            return 0;
        }
        answer = lab_callf("pe_special_features %u %u %u %u %u %s", feature, set, p1, p2, p3, (const char *) ref1);
    } else {
        answer = lab_callf("pe_special_features %u %u %u %u %u", feature, set, p1, p2, p3);
    }
    if (feature == FEATURE_READ_AP || feature == FEATURE_READ_DP || feature == FEATURE_LAST_SWD_STATUS) {
        set_out(ref1, answer.out);
    } else if (feature == FEATURE_DEVICE_LIST && ref1 != NULL) {
        snprintf((char *) ref1, (size_t) p1 + 1, "%s", answer.payload);
    }
    return (uint8_t) (answer.value != 0);
}

/* ---- test hooks (not in the real library) ---- */

EXPORT int32_t probehost_standin_control(const char *command) {
    if (command == NULL || strchr(command, '\n') != NULL) {
        return 0;
    }
    return (int32_t) lab_callf("probehost_standin_control %s", command).value;
}

EXPORT int32_t probehost_standin_open_count(void) {
    return open_count;
}

package com.aftercare.web.console.admin;

import com.aftercare.domain.imports.FileCharset;
import com.aftercare.domain.imports.ImportField;
import com.aftercare.domain.imports.ImportStatus;
import com.aftercare.domain.imports.OrderImports;
import com.aftercare.domain.shared.FieldProblem;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shared.Rejected;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Order CSV imports for malls that push nothing: upload (storefront, file, charset), map the
 * file's columns and preview the first rows with their problems, import in the background with a
 * progress bar that polls {@code status.json} (so it survives a reload), and the refused rows as
 * a CSV. {@link OrderImports} audits each step as the acting admin.
 */
@Controller
@RequestMapping("/console/admin/imports")
class OrderImportsAdminController {

    private final OrderImports imports;
    private final Storefronts storefronts;

    OrderImportsAdminController(OrderImports imports, Storefronts storefronts) {
        this.imports = imports;
        this.storefronts = storefronts;
    }

    @GetMapping
    String list(Model model) {
        return fillList(model);
    }

    private String fillList(Model model) {
        model.addAttribute("storefronts", storefronts.all());
        model.addAttribute("imports", imports.recent());
        model.addAttribute("charsets", FileCharset.values());
        return ConsoleViews.ADMIN_IMPORTS;
    }

    @PostMapping
    String upload(
            @RequestParam(required = false) Long storefront,
            @RequestParam(required = false) String charset,
            @RequestParam(required = false) MultipartFile file,
            Principal admin,
            Model model,
            HttpServletResponse response) {
        try {
            StorefrontId chosen = storefronts
                    .find(new StorefrontId(storefront == null ? -1 : storefront))
                    .map(Storefronts.StorefrontView::id)
                    .orElseThrow(() -> new InvalidValue("storefront", "choose a storefront"));
            if (file == null || file.isEmpty()) {
                throw new InvalidValue("file", "choose a CSV file");
            }
            FileCharset fileCharset = charset == null || charset.isBlank() ? null : FileCharset.valueOf(charset);
            long id = imports.upload(chosen, new Upload(file), fileCharset, admin.getName());
            return ConsoleViews.redirect("/console/admin/imports/" + id);
        } catch (InvalidValue refused) {
            response.setStatus(422);
            model.addAttribute("refusal", refused);
            return fillList(model);
        } catch (IllegalArgumentException unknownCharset) {
            response.setStatus(422);
            model.addAttribute("refusal", new InvalidValue("charset", "unknown"));
            return fillList(model);
        }
    }

    @GetMapping("/{id}")
    String page(@PathVariable long id, Model model) {
        ImportStatus status = imports.status(id);
        Map<ImportField, String> mapping =
                "DRAFT".equals(status.state()) ? imports.suggestedMapping(id) : status.mapping();
        return fill(status, mapping, model);
    }

    @PostMapping("/{id}")
    String map(
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            Principal admin,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        ImportStatus status = imports.status(id);
        Map<ImportField, String> mapping = new EnumMap<>(ImportField.class);
        for (ImportField field : ImportField.values()) {
            String column = form.get("map." + field.name());
            if (column != null && !column.isBlank()) {
                mapping.put(field, column);
            }
        }
        try {
            if ("start".equals(form.get("action"))) {
                imports.start(id, mapping, admin.getName());
                redirect.addFlashAttribute("notice", "admin.imports.started");
                return ConsoleViews.redirect("/console/admin/imports/" + id);
            }
            model.addAttribute("preview", imports.preview(id, mapping));
        } catch (Rejected refused) {
            response.setStatus(422);
            Map<String, String> problems = new java.util.HashMap<>();
            for (FieldProblem problem : refused.problems()) {
                problems.put(problem.field(), problem.message());
            }
            model.addAttribute("mappingProblems", problems);
        } catch (InvalidValue refused) {
            response.setStatus(422);
            model.addAttribute("refusal", refused);
        }
        return fill(status, mapping, model);
    }

    private String fill(ImportStatus status, Map<ImportField, String> mapping, Model model) {
        model.addAttribute("job", status);
        model.addAttribute(
                "storefront",
                storefronts.find(status.storefront()).orElseThrow(() -> NotFound.orderImport(status.id())));
        model.addAttribute("fields", ImportField.values());
        model.addAttribute("mapping", mapping);
        model.addAttribute("problems", imports.problems(status.id(), 100));
        if (!model.containsAttribute("mappingProblems")) {
            model.addAttribute("mappingProblems", Map.of());
        }
        return ConsoleViews.ADMIN_IMPORT;
    }

    /** What the progress bar polls. */
    record Progress(
            String state,
            int rowsTotal,
            int rowsDone,
            int rowsFailed,
            int ordersDone,
            int ordersFailed,
            int percent,
            String failure) {}

    @GetMapping(path = "/{id}/status.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Progress progress(@PathVariable long id) {
        ImportStatus s = imports.status(id);
        return new Progress(
                s.state(),
                s.rowsTotal(),
                s.rowsDone(),
                s.rowsFailed(),
                s.ordersDone(),
                s.ordersFailed(),
                s.percent(),
                s.failure());
    }

    @GetMapping("/{id}/errors.csv")
    void errors(@PathVariable long id, HttpServletResponse response) throws IOException {
        imports.status(id);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        imports.writeErrorReport(id, out);
        out.flush();
    }

    /** A multipart upload, which Spring keeps on disk, so it can be read twice. */
    private record Upload(MultipartFile file) implements OrderImports.Upload {
        @Override
        public String fileName() {
            return file.getOriginalFilename();
        }

        @Override
        public long size() {
            return file.getSize();
        }

        @Override
        public InputStream open() throws IOException {
            return file.getInputStream();
        }
    }
}

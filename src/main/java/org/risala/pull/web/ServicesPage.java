package org.risala.pull.web;

import org.risala.records.Normalisations;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.risala.pull.CatalogueEntry;
import org.risala.pull.ConnectorType;
import org.risala.pull.SecretHeaders;
import org.risala.pull.ServiceCatalogue;
import org.risala.pull.ServiceChange;
import org.risala.pull.ServiceConflict;
import org.risala.pull.ServiceDefinition;
import org.risala.pull.ServiceJson;
import org.risala.pull.ServiceRejected;
import org.risala.pull.UnknownService;
import org.risala.pull.web.LookupFigures.Figures;
import org.risala.sms.Msisdn;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.JsonNode;

/**
 * Admin pages of the pull services: the list with the figures of the last day and the latest lookups, the edit
 * form, and each service's history. Connector headers that may be secrets are shown masked, and the mask saved back
 * keeps them. Citizens' numbers are masked; what they looked up is shown, as support needs it.
 */
@Controller
@RequestMapping("/admin/services")
class ServicesPage {

    static final int RECENT = 50;
    static final Duration FIGURES_PERIOD = Duration.ofHours(24);

    /** one line of the list */
    record Row(CatalogueEntry service, Figures figures) {
    }

    /** a lookup as the page shows it: the number masked */
    record RecentLookup(LookupFigures.Lookup lookup, String maskedSender) {
    }

    /** a change with its definitions ready to read, and the fields it changed */
    record Change(ServiceChange change, String before, String after, List<String> fields) {
    }

    private final ServiceCatalogue catalogue;
    private final LookupFigures figures;
    private final Clock clock;

    ServicesPage(ServiceCatalogue catalogue, LookupFigures figures, Clock clock) {
        this.catalogue = catalogue;
        this.figures = figures;
        this.clock = clock;
    }

    /** the form is a record: bound through its constructor only */
    @InitBinder("serviceForm")
    void constructorOnly(WebDataBinder binder) {
        binder.setDeclarativeBinding(true);
    }

    @GetMapping
    String list(Model model) {
        Map<String, Figures> lastDay = figures.since(clock.instant().minus(FIGURES_PERIOD));
        model.addAttribute("rows", catalogue.all().stream()
                .map(s -> new Row(s, lastDay.getOrDefault(s.keyword(), Figures.NONE))).toList());
        model.addAttribute("recent", figures.recent(RECENT).stream()
                .map(l -> new RecentLookup(l, Msisdn.masked(l.sender()))).toList());
        model.addAttribute("recentLimit", RECENT);
        return "admin/services";
    }

    @PostMapping("/{keyword}/enabled")
    String setEnabled(@PathVariable String keyword, @RequestParam boolean enabled, Principal principal,
                      RedirectAttributes redirect) {
        try {
            CatalogueEntry changed = catalogue.setEnabled(keyword, enabled, principal.getName());
            redirect.addFlashAttribute("notice", changed.keyword() + (enabled ? " enabled." : " disabled."));
        } catch (UnknownService e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/services";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(model, ServiceForm.blank(), Map.of(), null);
    }

    @GetMapping("/{keyword}/edit")
    String edit(@PathVariable String keyword, Model model) {
        return form(model, ServiceForm.of(service(keyword)), Map.of(), null);
    }

    @PostMapping
    String save(@ModelAttribute ServiceForm form, Principal principal, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        ServiceDefinition definition = form.definition(errors);
        if (!form.isNew() && !ServiceCatalogue.canonicalKeyword(definition.keyword())
                .equals(ServiceCatalogue.canonicalKeyword(form.original()))) {
            errors.put("keyword", "cannot be changed; create a new service and delete this one");
        }
        try {
            if (!errors.isEmpty()) {
                // what did read is checked too, so that every mistake shows at once; the form's own error of a
                // field comes first, as the check saw the field empty
                Map<String, String> problems = new LinkedHashMap<>();
                catalogue.problems(definition).forEach(problem -> add(problem, problems));
                problems.forEach(errors::putIfAbsent);
                return form(model, form, errors, null);
            }
            CatalogueEntry saved = catalogue.save(definition, version(form), principal.getName());
            redirect.addFlashAttribute("notice", saved.keyword() + " saved.");
            return "redirect:/admin/services";
        } catch (ServiceRejected e) {
            e.problems().forEach(problem -> add(problem, errors));
            return form(model, form, errors, null);
        } catch (ServiceConflict e) {
            return form(model, form, errors, e.getMessage());
        }
    }

    @PostMapping("/{keyword}/delete")
    String delete(@PathVariable String keyword, Principal principal, RedirectAttributes redirect) {
        try {
            catalogue.delete(keyword, principal.getName());
            redirect.addFlashAttribute("notice", ServiceCatalogue.canonicalKeyword(keyword) + " deleted.");
        } catch (UnknownService e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/services";
    }

    @GetMapping("/{keyword}/history")
    String history(@PathVariable String keyword, Model model) {
        List<ServiceChange> changes = catalogue.history(keyword);
        if (changes.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("keyword", changes.get(0).keyword());
        model.addAttribute("changes", changes.stream()
                .map(c -> new Change(c, pretty(c.before()), pretty(c.after()), changedFields(c))).toList());
        return "admin/service-history";
    }

    private String form(Model model, ServiceForm form, Map<String, String> errors, String conflict) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("connectorTypes", ConnectorType.values());
        model.addAttribute("normalisations", Normalisations.values());
        return "admin/service-edit";
    }

    private CatalogueEntry service(String keyword) {
        return catalogue.find(keyword).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** 0 for a new service: it must not exist yet */
    private static long version(ServiceForm form) {
        if (form.isNew()) {
            return 0;
        }
        try {
            return Long.parseLong(form.version());
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }

    /** a problem goes next to the field of the form that holds it: the entries of a map share one text area */
    private static void add(String problem, Map<String, String> errors) {
        int colon = problem.indexOf(": ");
        String field = colon < 0 ? "" : problem.substring(0, colon);
        String reason = colon < 0 ? problem : problem.substring(colon + 2);
        for (String map : List.of("connector.headers", "connector.variables", "connector.values")) {
            if (field.startsWith(map + ".")) {
                reason = field.substring(map.length() + 1) + " " + reason;
                field = map;
            }
        }
        errors.merge(field, reason, (first, second) -> first.equals(second) ? first : first + "; " + second);
    }

    /** the fields an update changed, as {@code replies.found.ar}; a list counts as one field */
    static List<String> changedFields(ServiceChange change) {
        if (change.before() == null || change.after() == null) {
            return List.of();
        }
        List<String> fields = new ArrayList<>();
        compare("", ServiceJson.tree(SecretHeaders.masked(change.before())),
                ServiceJson.tree(SecretHeaders.masked(change.after())), fields);
        return fields;
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<String> fields) {
        if (before != null && after != null && before.isObject() && after.isObject()) {
            Set<String> names = new TreeSet<>(before.propertyNames());
            names.addAll(after.propertyNames());
            names.forEach(name -> compare(path.isEmpty() ? name : path + "." + name, before.get(name),
                    after.get(name), fields));
        } else if (!Objects.equals(before, after)) {
            fields.add(path);
        }
    }

    private static String pretty(ServiceDefinition definition) {
        return definition == null ? null : ServiceJson.pretty(SecretHeaders.masked(definition));
    }
}

package org.risala.api.web;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.risala.api.clients.ApiClients;
import org.risala.api.clients.IssuedKey;
import org.risala.api.clients.KeyMode;
import org.risala.api.clients.NewClient;
import org.risala.api.clients.Scope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin page for API clients and their keys. A new key and a new client's callback secret travel to the next page
 * as flash attributes: shown once after the redirect, then gone from the session, and never readable again.
 */
@Controller
@RequestMapping("/admin/api-keys")
class ApiKeysPage {

    /** the forms as typed, to show them again with an error */
    record ClientForm(String name, String callbackUrl, String ratePerSecond, String dailyQuota) {
    }

    record KeyForm(Long clientId, KeyMode mode, Set<Scope> scopes) {
    }

    private final ApiClients clients;

    ApiKeysPage(ApiClients clients) {
        this.clients = clients;
    }

    @GetMapping
    String page(Model model) {
        return page(model, new ClientForm("", "", "", ""), null,
                new KeyForm(null, KeyMode.LIVE, EnumSet.of(Scope.MESSAGES)), null);
    }

    @PostMapping("/clients")
    String createClient(@RequestParam(defaultValue = "") String name,
                        @RequestParam(defaultValue = "") String callbackUrl,
                        @RequestParam(defaultValue = "") String ratePerSecond,
                        @RequestParam(defaultValue = "") String dailyQuota,
                        Model model, RedirectAttributes redirect) {
        ClientForm form = new ClientForm(name, callbackUrl, ratePerSecond, dailyQuota);
        try {
            NewClient created = clients.createClient(name, callbackUrl, number("rate per second", ratePerSecond),
                    number("daily quota", dailyQuota));
            redirect.addFlashAttribute("newClient", created);
            return "redirect:/admin/api-keys";
        } catch (IllegalArgumentException e) {
            return page(model, form, e.getMessage(), new KeyForm(null, KeyMode.LIVE, EnumSet.of(Scope.MESSAGES)), null);
        }
    }

    @PostMapping("/keys")
    String issueKey(@RequestParam(required = false) Long clientId,
                    @RequestParam(required = false) KeyMode mode,
                    @RequestParam(required = false) List<Scope> scopes,
                    Principal principal, Model model, RedirectAttributes redirect) {
        Set<Scope> chosen = scopes == null || scopes.isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(scopes);
        KeyForm form = new KeyForm(clientId, mode == null ? KeyMode.LIVE : mode, chosen);
        try {
            if (clientId == null) {
                throw new IllegalArgumentException("choose a client");
            }
            if (mode == null) {
                throw new IllegalArgumentException("choose live or test");
            }
            IssuedKey issued = clients.issueKey(clientId, mode, chosen, principal.getName());
            redirect.addFlashAttribute("issuedKey", issued);
            return "redirect:/admin/api-keys";
        } catch (IllegalArgumentException e) {
            return page(model, new ClientForm("", "", "", ""), null, form, e.getMessage());
        }
    }

    @PostMapping("/keys/{id}/revoke")
    String revoke(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        try {
            clients.revokeKey(id, principal.getName());
            redirect.addFlashAttribute("notice", "The key has been revoked.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/api-keys";
    }

    private String page(Model model, ClientForm clientForm, String clientError, KeyForm keyForm, String keyError) {
        model.addAttribute("clients", clients.clients());
        model.addAttribute("keys", clients.keys());
        model.addAttribute("modes", KeyMode.values());
        model.addAttribute("allScopes", Scope.values());
        model.addAttribute("clientForm", clientForm);
        model.addAttribute("clientError", clientError);
        model.addAttribute("keyForm", keyForm);
        model.addAttribute("keyError", keyError);
        return "admin/api-keys";
    }

    private static Integer number(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, or empty for no limit");
        }
    }
}

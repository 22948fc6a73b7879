/** Asks for THREADLINE_API_TOKEN when the server answers 401, then retries what failed. */
import { sessionTokens } from '../api/tokens.ts';
import { modal } from './dialog.ts';
import { h } from './dom.ts';

export class TokenPrompt {
  private readonly dialog: HTMLDialogElement;
  private readonly input: HTMLInputElement;
  private readonly message: HTMLElement;
  private pending: Array<() => void> = [];

  constructor() {
    this.input = h('input', {
      type: 'password',
      id: 'api-token',
      autocomplete: 'off',
      spellcheck: 'false',
      required: true,
    });
    this.message = h('p', { class: 'hint' });
    const form = h(
      'form',
      {
        id: 'token-form',
        onsubmit: (e: Event) => {
          e.preventDefault();
          const value = this.input.value.trim();
          if (!value) return;
          sessionTokens.setApiToken(value);
          this.dialog.close();
          const retries = this.pending;
          this.pending = [];
          for (const retry of retries) retry();
        },
      },
      h(
        'p',
        {},
        'This Threadline server asks for an API token. Ask whoever runs it for the value of THREADLINE_API_TOKEN.',
      ),
      this.message,
      h('div', { class: 'field' }, h('label', { for: 'api-token' }, 'API token'), this.input),
    );
    this.dialog = modal(
      'API token needed',
      'token-dialog',
      [form],
      [h('button', { type: 'submit', class: 'button', form: 'token-form' }, 'Continue')],
    );
  }

  ask(retry: () => void, refused: boolean): void {
    this.pending.push(retry);
    if (this.dialog.open) return;
    this.message.textContent = refused ? 'The token you entered was not accepted.' : '';
    this.input.value = '';
    this.dialog.showModal();
    this.input.focus();
  }
}
